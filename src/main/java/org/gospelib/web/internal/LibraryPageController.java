package org.gospelib.web.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.gospelib.content.ReferenceLibrary;
import org.gospelib.content.ScriptureText;
import org.gospelib.content.TranslationInfo;
import org.gospelib.scripture.StrongsNumber;
import org.gospelib.scripture.VerseContent;
import org.gospelib.scripture.VerseRef;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;

/** Topic pages (Nave's) and lemma pages (Strong's). */
@Controller
class LibraryPageController {

    static final int TOPICS_FOUND = 50;
    static final int VERSES_WITH_TEXT = 60;

    private final ReferenceLibrary library;
    private final ScriptureText scripture;
    private final Translations translations;
    private final PageCaching caching;

    LibraryPageController(ReferenceLibrary library, ScriptureText scripture, Translations translations, PageCaching caching) {
        this.library = library;
        this.scripture = scripture;
        this.translations = translations;
        this.caching = caching;
    }

    @GetMapping("/topics")
    String topics(@RequestParam(defaultValue = "") String q, Model model, WebRequest request, HttpServletResponse response) {
        if (q.length() > 200) throw PageProblem.badRequest("Query too long", "Search topics with at most 200 characters.");
        translations.all();
        if (caching.notModified(request, response, "topics|" + q)) return null;
        model.addAttribute("q", q);
        model.addAttribute("topics", q.isBlank() ? List.of() : library.findTopics(q, TOPICS_FOUND));
        return "topics";
    }

    /** A verse listed on a page, with its text when the page shows text. */
    record VerseLine(String label, String href, String text) {
    }

    /** A topic's sub-heading and its verses. */
    record HeadingLines(String heading, List<VerseLine> verses) {
    }

    @GetMapping("/topics/{id}")
    String topic(@PathVariable String id, Model model, WebRequest request, HttpServletResponse response) {
        TranslationInfo primary = translations.primary();
        ReferenceLibrary.Topic topic = library.topic(id).orElseThrow(() -> PageProblem.notFound("No such topic",
                "There is no topic '" + id + "'.", List.of(new PageProblem.Suggestion("Find a topic", "/topics"))));
        if (!topic.id().equals(id)) return "redirect:/topics/" + topic.id();
        if (caching.notModified(request, response, "topic|" + topic.id())) return null;
        int[] budget = {VERSES_WITH_TEXT};
        model.addAttribute("topic", topic);
        model.addAttribute("headings", topic.headings().stream().map(h -> new HeadingLines(h.heading(),
                h.verses().stream().map(v -> line(primary, v, budget[0]-- > 0)).toList())).toList());
        return "topic";
    }

    @GetMapping("/lemmas/{strongs}")
    String lemma(@PathVariable String strongs, Model model, WebRequest request, HttpServletResponse response) {
        String id = StrongsNumber.parse(strongs).map(StrongsNumber::id).orElseThrow(() -> PageProblem.badRequest(
                "Not a Strong's number", "'" + strongs + "' is not a Strong's number such as H430 (Hebrew) or G26 (Greek)."));
        if (!id.equals(strongs)) return "redirect:/lemmas/" + id;
        TranslationInfo primary = translations.primary();
        ReferenceLibrary.Lemma lemma = library.lemma(id).orElseThrow(() -> PageProblem.notFound("No such lemma",
                "The lexicon has no entry " + id + ".", List.of()));
        if (caching.notModified(request, response, "lemma|" + id)) return null;
        model.addAttribute("lemma", lemma);
        model.addAttribute("language", id.startsWith("H") ? "he" : "el");
        model.addAttribute("verses", lemma.verses().stream().limit(VERSES_WITH_TEXT).map(v -> line(primary, v, true)).toList());
        model.addAttribute("moreVerses", Math.max(0, lemma.verses().size() - VERSES_WITH_TEXT));
        return "lemma";
    }

    private VerseLine line(TranslationInfo translation, VerseRef verse, boolean withText) {
        String text = withText ? scripture.verse(translation.id(), verse).map(VerseContent::text).orElse("") : "";
        return new VerseLine(Labels.verse(verse, translation.language()), Links.verse(translation.id(), verse), text);
    }
}
