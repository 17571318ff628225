package org.gospelib.web.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.gospelib.content.ScriptureText;
import org.gospelib.content.TranslationInfo;
import org.gospelib.scripture.BookLayout;
import org.gospelib.scripture.OsisRange;
import org.gospelib.scripture.ParsedReference;
import org.gospelib.scripture.ReferenceParser;
import org.gospelib.scripture.VerseContent;
import org.gospelib.scripture.VerseOfTheDay;
import org.gospelib.scripture.VerseRef;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.util.UriUtils;

/**
 * The reading pages: home, a translation's books, a book's chapters and a chapter, alone or in
 * parallel, with the side panel of a selected verse. Chapter URLs name the translation and the
 * book's OSIS id ({@code /read/KJV/John/3}); other spellings redirect there.
 */
@Controller
class ReaderController {

    private final ScriptureText scripture;
    private final Translations translations;
    private final ChapterAssembler chapters;
    private final PanelAssembler panels;
    private final PageCaching caching;
    private final ReferenceParser parser = ReferenceParser.create();
    private final String publicUrl;

    ReaderController(ScriptureText scripture, Translations translations, ChapterAssembler chapters, PanelAssembler panels,
            PageCaching caching, @org.springframework.beans.factory.annotation.Value(
                    "${gospelib.notifications.public-url:http://localhost:8080}") String publicUrl) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.scripture = scripture;
        this.translations = translations;
        this.chapters = chapters;
        this.panels = panels;
        this.caching = caching;
    }

    @GetMapping("/")
    String home(Model model, WebRequest request, HttpServletResponse response) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        TranslationInfo primary = translations.primary();
        if (caching.notModified(request, response, "home|" + today)) return null;
        VerseRef verse = VerseOfTheDay.on(today);
        model.addAttribute("translations", translations.all());
        model.addAttribute("verseOfTheDay", scripture.verse(primary.id(), verse).map(VerseContent::text).orElse(""));
        model.addAttribute("verseLabel", Labels.verse(verse, primary.language()));
        model.addAttribute("verseHref", Links.verse(primary.id(), verse));
        model.addAttribute("books", Books.all().stream().map(b -> new BookLink(b.osisId(), Books.name(b.osisId(), "en"),
                b.testament().name())).toList());
        model.addAttribute("primary", primary);
        model.addAttribute("og", OpenGraph.of(scripture, primary, verse, "/", publicUrl));
        return "home";
    }

    /** A book as the book list shows it. */
    record BookLink(String osis, String name, String testament) {
    }

    /** The "go to" form: a reference typed by the reader, or a translation, book and chapter chosen. */
    @GetMapping("/read")
    String go(@RequestParam(defaultValue = "") String ref, @RequestParam(defaultValue = "") String tr,
            @RequestParam(defaultValue = "") String book, @RequestParam(defaultValue = "1") String chapter,
            @RequestParam(defaultValue = "") String with) {
        TranslationInfo translation = tr.isBlank() ? translations.primary() : translations.require(tr);
        String parallel = Links.parallelQuery(with);
        if (!book.isBlank()) {
            BookLayout layout = Books.find(book).orElseThrow(() -> unknownBook(translation, book));
            return "redirect:" + Links.chapter(translation.id(), layout.osisId(), chapterNumber(layout, chapter)) + parallel;
        }
        if (ref.isBlank()) return "redirect:/read/" + translation.id();
        ParsedReference parsed = parseTyped(ref);
        VerseRef start = firstVerse(ref, parsed);
        String url = Links.chapter(translation.id(), start.book(), start.chapter());
        boolean atVerse = start.verse() > 1 || ref.contains(":");
        // what the parser had to assume (a misspelling, another numbering) is shown on the chapter: "did you mean…"
        String read = parsed.occurrences().getFirst().notes().isEmpty() ? ""
                : "read=" + UriUtils.encodeQueryParam(ref.strip(), StandardCharsets.UTF_8);
        String query = (atVerse ? "v=" + start.verse() : "") + (atVerse && !read.isEmpty() ? "&" : "") + read;
        return "redirect:" + url + (query.isEmpty() ? "" : "?" + query) + (atVerse ? "#v" + start.verse() : "");
    }

    private ParsedReference parseTyped(String ref) {
        try {
            return parser.parse(ref.strip());
        } catch (RuntimeException e) {
            throw PageProblem.badRequest("Reference not understood",
                    "'" + ref.strip() + "' is not a reference we can read: " + e.getMessage()
                            + ". Try a book and chapter such as John 3 or Psalm 23:1.");
        }
    }

    private VerseRef firstVerse(String ref, ParsedReference parsed) {
        if (parsed.ranges().isEmpty()) {
            throw PageProblem.badRequest("Reference not understood", "'" + ref.strip() + "' names no passage.");
        }
        OsisRange.Point start = parsed.ranges().getFirst().start();
        BookLayout layout = Books.find(start.book()).orElseThrow(() ->
                PageProblem.notFound("Not in this Bible", "The book " + start.book() + " is not in the KJV canon.", List.of()));
        int chapter = Math.max(1, start.chapter());
        if (chapter > layout.chapterCount()) {
            throw PageProblem.notFound("No such chapter", Books.name(layout.osisId(), "en") + " has "
                    + layout.chapterCount() + " chapters.", List.of());
        }
        return VerseRef.of(layout.osisId(), chapter, Math.max(1, start.verse()));
    }

    @GetMapping("/read/{tr}")
    String books(@PathVariable String tr, Model model, WebRequest request, HttpServletResponse response) {
        TranslationInfo translation = translations.require(tr);
        if (!translation.id().equals(tr)) return "redirect:/read/" + translation.id();
        if (caching.notModified(request, response, "books|" + translation.id())) return null;
        model.addAttribute("translation", translation);
        model.addAttribute("translations", translations.all());
        model.addAttribute("books", Books.all().stream().map(b -> new BookLink(b.osisId(),
                Books.name(b.osisId(), translation.language()), b.testament().name())).toList());
        return "books";
    }

    @GetMapping("/read/{tr}/{book}")
    String chapters(@PathVariable String tr, @PathVariable String book, Model model, WebRequest request,
            HttpServletResponse response) {
        TranslationInfo translation = translations.require(tr);
        BookLayout layout = Books.find(book).orElseThrow(() -> unknownBook(translation, book));
        if (!translation.id().equals(tr) || !layout.osisId().equals(book)) {
            return "redirect:/read/" + translation.id() + "/" + layout.osisId();
        }
        if (caching.notModified(request, response, "chapters|" + translation.id() + "|" + layout.osisId())) return null;
        model.addAttribute("translation", translation);
        model.addAttribute("book", layout.osisId());
        model.addAttribute("bookName", Books.name(layout.osisId(), translation.language()));
        model.addAttribute("chapters", layout.chapterCount());
        return "chapters";
    }

    @GetMapping("/read/{tr}/{book}/{chapter}")
    String chapter(@PathVariable String tr, @PathVariable String book, @PathVariable String chapter,
            @RequestParam(defaultValue = "") String with, @RequestParam(defaultValue = "false") boolean strongs,
            @RequestParam(name = "v", required = false) Integer selected,
            @RequestParam(name = "read", defaultValue = "") String read, Model model, WebRequest request,
            HttpServletResponse response) {
        TranslationInfo translation = translations.require(tr);
        BookLayout layout = Books.find(book).orElseThrow(() -> unknownBook(translation, book));
        int number = chapterNumber(layout, chapter);
        if (!translation.id().equals(tr) || !layout.osisId().equals(book) || !chapter.equals(String.valueOf(number))) {
            return "redirect:" + Links.chapter(translation.id(), layout.osisId(), number) + Links.parallelQuery(with);
        }
        List<TranslationInfo> shown = translations.parallel(translation, with);
        Optional<VerseRef> verse = Optional.ofNullable(selected).filter(v -> v >= 1 && v <= layout.verseCount(number))
                .map(v -> VerseRef.of(layout.osisId(), number, v));
        String key = "chapter|" + String.join(",", shown.stream().map(TranslationInfo::id).toList()) + "|" + layout.osisId()
                + "|" + number + "|" + strongs + "|" + verse.map(VerseRef::osis).orElse("");
        List<String> assumed = assumptions(read);
        if (!assumed.isEmpty()) key += "|" + String.join("|", assumed);
        if (caching.notModified(request, response, key)) return null;
        model.addAttribute("assumed", assumed);
        model.addAttribute("typed", read.strip());
        ChapterView view = chapters.assemble(layout, number, shown, strongs);
        model.addAttribute("view", view);
        model.addAttribute("path", Links.chapter(translation.id(), layout.osisId(), number));
        String withParam = String.join(",", shown.stream().skip(1).map(TranslationInfo::id).toList());
        model.addAttribute("withQuery", withParam.isEmpty() ? "" : "?with=" + withParam);
        String verseQuery = (withParam.isEmpty() ? "" : "with=" + withParam + "&") + (strongs ? "strongs=true&" : "");
        model.addAttribute("verseQuery", verseQuery);
        model.addAttribute("rows", ChapterRows.render(view, Links.chapter(translation.id(), layout.osisId(), number) + "?"
                + verseQuery + "v=", verse.map(VerseRef::verse).orElse(0)));
        model.addAttribute("translation", translation);
        model.addAttribute("translations", translations.all());
        model.addAttribute("with", shown.stream().skip(1).map(TranslationInfo::id).toList());
        model.addAttribute("strongs", strongs);
        model.addAttribute("panel", verse.map(v -> panels.assemble(v, translation)).orElse(null));
        // a shared link shows the verse it points at, or the chapter's first
        VerseRef shared = verse.orElse(VerseRef.of(layout.osisId(), number, 1));
        model.addAttribute("og", OpenGraph.of(scripture, translation, shared, Links.chapter(translation.id(), layout.osisId(), number)
                + verse.map(v -> "?v=" + v.verse()).orElse(""), publicUrl));
        return "chapter";
    }

    /**
     * What the parser assumed to read what the reader typed in the go-to box ({@code Genisis 1:1}:
     * read as Genesis), worked out again from the text, never taken from the address.
     */
    private List<String> assumptions(String typed) {
        if (typed.isBlank() || typed.length() > 200) return List.of();
        try {
            return parser.parseLenient(typed.strip()).occurrences().stream().flatMap(o -> o.notes().stream()).toList();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** The side panel alone, for the script that opens it without reloading the chapter. */
    @GetMapping("/read/{tr}/{book}/{chapter}/{verse}/panel")
    String panel(@PathVariable String tr, @PathVariable String book, @PathVariable String chapter,
            @PathVariable String verse, Model model, WebRequest request, HttpServletResponse response) {
        TranslationInfo translation = translations.require(tr);
        BookLayout layout = Books.find(book).orElseThrow(() -> unknownBook(translation, book));
        int number = chapterNumber(layout, chapter);
        int v = number(verse, "verse");
        if (v < 1 || v > layout.verseCount(number)) {
            throw PageProblem.notFound("No such verse", Books.name(layout.osisId(), "en") + " " + number + " has "
                    + layout.verseCount(number) + " verses.", List.of());
        }
        VerseRef ref = VerseRef.of(layout.osisId(), number, v);
        if (caching.notModified(request, response, "panel|" + translation.id() + "|" + ref.osis())) return null;
        model.addAttribute("panel", panels.assemble(ref, translation));
        model.addAttribute("translation", translation);
        return "panel :: panel";
    }

    private int chapterNumber(BookLayout layout, String chapter) {
        int n = number(chapter, "chapter");
        if (n < 1 || n > layout.chapterCount()) {
            throw PageProblem.notFound("No such chapter", Books.name(layout.osisId(), "en") + " has "
                    + layout.chapterCount() + (layout.chapterCount() == 1 ? " chapter." : " chapters."),
                    List.of(new PageProblem.Suggestion("Chapters of " + Books.name(layout.osisId(), "en"),
                            "/read/" + translations.primary().id() + "/" + layout.osisId())));
        }
        return n;
    }

    private static int number(String text, String what) {
        if (text.length() > 4 || !text.chars().allMatch(Character::isDigit) || text.isEmpty()) {
            throw PageProblem.badRequest("Not a " + what + " number", "'" + text + "' is not a " + what + " number.");
        }
        return Integer.parseInt(text);
    }

    private PageProblem unknownBook(TranslationInfo translation, String book) {
        return PageProblem.notFound("No such book", "There is no book called '" + book + "'.",
                List.of(new PageProblem.Suggestion("All books", "/read/" + translation.id())));
    }
}
