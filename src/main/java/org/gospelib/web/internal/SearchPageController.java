package org.gospelib.web.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.gospelib.content.TranslationInfo;
import org.gospelib.platform.ProblemException;
import org.gospelib.scripture.VerseRef;
import org.gospelib.search.SearchRequest;
import org.gospelib.search.SearchResults;
import org.gospelib.search.VerseSearch;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;

/**
 * The search page: a plain GET form, so it works without JavaScript and every result page has a
 * URL. Words or meaning, a translation, a testament or book facet, and the next page by cursor.
 * A query the search cannot run is shown on the page with its reason, with status 400.
 */
@Controller
class SearchPageController {

    private final VerseSearch search;
    private final Translations translations;
    private final PageCaching caching;

    SearchPageController(VerseSearch search, Translations translations, PageCaching caching) {
        this.search = search;
        this.translations = translations;
        this.caching = caching;
    }

    @GetMapping("/search")
    String search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String tr,
            @RequestParam(defaultValue = "words") String mode, @RequestParam(defaultValue = "") String book,
            @RequestParam(defaultValue = "") String testament, @RequestParam(defaultValue = "") String cursor,
            Model model, WebRequest request, HttpServletResponse response) {
        TranslationInfo translation = tr.isBlank() ? translations.primary() : translations.require(tr);
        SearchRequest.Mode apiMode = switch (mode) {
            case "meaning" -> SearchRequest.Mode.HYBRID;
            case "words" -> SearchRequest.Mode.LEXICAL;
            default -> throw PageProblem.badRequest("Unknown search mode", "Search by words or by meaning.");
        };
        List<String> books = book.isBlank() ? List.of() : List.of(Books.find(book)
                .orElseThrow(() -> PageProblem.badRequest("Unknown book", "There is no book called “" + book + "”."))
                .osisId());
        Optional<SearchRequest.Testament> only = testament.isBlank() ? Optional.empty() : Optional.of(SearchRequest.Testament
                .of(testament).orElseThrow(() -> PageProblem.badRequest("Unknown testament", "Search the Old or the New Testament.")));
        model.addAttribute("q", q);
        model.addAttribute("mode", mode);
        model.addAttribute("book", book);
        model.addAttribute("bookName", Books.find(book).map(b -> Books.name(b.osisId(), translation.language())).orElse(book));
        model.addAttribute("testament", testament);
        model.addAttribute("translation", translation);
        model.addAttribute("translations", translations.all());
        if (q.isBlank()) {
            if (caching.notModified(request, response, "search-empty")) return null;
            return "search";
        }
        String key = String.join("\u0001", "search", q, translation.id(), mode, book, testament, cursor);
        if (caching.notModified(request, response, key)) return null;
        try {
            SearchResults results = search.search(SearchRequest.of(q).in(translation.id()).by(apiMode).inBooks(books).inTestament(only)
                    .after(cursor.isBlank() ? Optional.empty() : Optional.of(cursor)));
            model.addAttribute("results", results);
            model.addAttribute("hits", results.hits().stream().map(h -> hit(h, translation)).toList());
            model.addAttribute("facets", results.facets().books().stream()
                    .map(b -> new Facet(b.book(), Books.name(b.book(), translation.language()), b.count())).toList());
            model.addAttribute("reference", results.reference().map(r -> reference(r, translation)).orElse(null));
        } catch (ProblemException e) {
            response.setStatus(e.status());
            PageCaching.noStore(response);
            model.addAttribute("problem", e.getMessage());
        }
        return "search";
    }

    /** A hit with a human label and a link into the reader. */
    record Hit(String osis, String label, String href, String highlight, List<String> words) {
    }

    /** A book with its matches, for narrowing the search. */
    record Facet(String book, String name, int count) {
    }

    /** The query read as a reference: where to read it, and its first verses. */
    record Reference(String label, String href, List<Hit> verses) {
    }

    private static Hit hit(SearchResults.Hit h, TranslationInfo translation) {
        VerseRef ref = VerseRef.parseOsis(h.osis());
        return new Hit(h.osis(), Labels.verse(ref, translation.language()), Links.verse(translation.id(), ref),
                h.highlight() == null ? org.springframework.web.util.HtmlUtils.htmlEscape(h.text()) : h.highlight(),
                h.words().orElse(List.of()));
    }

    private static Reference reference(SearchResults.Reference r, TranslationInfo translation) {
        List<Hit> verses = r.verses().stream().map(v -> {
            VerseRef ref = VerseRef.parseOsis(v.osis());
            return new Hit(v.osis(), Labels.verse(ref, translation.language()), Links.verse(translation.id(), ref),
                    org.springframework.web.util.HtmlUtils.htmlEscape(v.text()), List.of());
        }).toList();
        if (verses.isEmpty()) return null;
        VerseRef first = VerseRef.parseOsis(r.verses().getFirst().osis());
        return new Reference(Labels.verse(first, translation.language()), Links.verse(translation.id(), first), verses);
    }
}
