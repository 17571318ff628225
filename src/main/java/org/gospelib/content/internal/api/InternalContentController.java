package org.gospelib.content.internal.api;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.gospelib.content.ReferenceLibrary;
import org.gospelib.content.ScriptureText;
import org.gospelib.content.TranslationInfo;
import org.gospelib.content.TranslationVerse;
import org.gospelib.content.remote.ContentApi;
import org.gospelib.content.remote.ContentApi.WireVerse;
import org.gospelib.ingest.VerseContentJson;
import org.gospelib.platform.ProblemException;
import org.gospelib.platform.SplitTopology;
import org.gospelib.scripture.VerseRef;
import org.springframework.context.annotation.Conditional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@link ContentApi} served: the corpus and reference works for the services of a split deployment. */
@RestController
@RequestMapping("/internal/content")
@Conditional(SplitTopology.class)
@Hidden
class InternalContentController {

    /** More verses than any chapter has (Psalm 119 has 176). */
    private static final int MAX_VERSES = 200;
    private static final int MAX_LEXICON_NUMBER = 9_999;

    private final ScriptureText scripture;
    private final ReferenceLibrary library;

    InternalContentController(ScriptureText scripture, ReferenceLibrary library) {
        this.scripture = scripture;
        this.library = library;
    }

    @GetMapping("/version")
    ContentApi.CorpusVersionAnswer version() {
        return new ContentApi.CorpusVersionAnswer(scripture.corpusVersion());
    }

    @GetMapping("/translations")
    List<TranslationInfo> translations() {
        return scripture.translations();
    }

    @GetMapping("/text/{translation}/{book}/{chapter}")
    List<WireVerse> chapter(@PathVariable String translation, @PathVariable String book, @PathVariable int chapter) {
        known(translation);
        List<WireVerse> verses = new ArrayList<>();
        for (int v = 1; v <= MAX_VERSES; v++) {
            VerseRef ref = VerseRef.of(book, chapter, v);
            scripture.verse(translation, ref).ifPresent(content -> verses.add(new WireVerse(ref, ref, VerseContentJson.write(content))));
        }
        return verses;
    }

    @GetMapping("/text/{translation}/{book}")
    List<WireVerse> book(@PathVariable String translation, @PathVariable String book) {
        known(translation);
        try (Stream<TranslationVerse> verses = scripture.verses(translation)) {
            return verses.filter(v -> v.kjvRef().book().equals(book))
                    .map(v -> new WireVerse(v.kjvRef(), v.nativeRef(), VerseContentJson.write(v.content()))).toList();
        }
    }

    @GetMapping("/digests/{translation}")
    ContentApi.DigestAnswer digest(@PathVariable String translation) {
        return new ContentApi.DigestAnswer(scripture.contentDigest(translation).orElse(""));
    }

    @GetMapping("/library/related")
    List<ReferenceLibrary.RelatedVerse> related(@RequestParam String verse, @RequestParam int limit) {
        return library.related(verse(verse), limit);
    }

    @GetMapping("/library/topics-of")
    List<ReferenceLibrary.TopicSummary> topicsOf(@RequestParam String verse) {
        return library.topicsOf(verse(verse));
    }

    @GetMapping("/library/commentary")
    List<ReferenceLibrary.CommentaryEntry> commentaryOn(@RequestParam String verse) {
        return library.commentaryOn(verse(verse));
    }

    @GetMapping("/library/topics")
    List<ReferenceLibrary.TopicSummary> findTopics(@RequestParam String q, @RequestParam int limit) {
        return library.findTopics(q, limit);
    }

    @GetMapping("/library/topics/{id}")
    ReferenceLibrary.Topic topic(@PathVariable String id) {
        return library.topic(id).orElseThrow(() -> notFound("no topic " + id));
    }

    @GetMapping("/library/lemmas/{strongs}")
    ReferenceLibrary.Lemma lemma(@PathVariable String strongs) {
        return library.lemma(strongs).orElseThrow(() -> notFound("no lemma " + strongs));
    }

    /** Every gloss of both lexicons: a page with Strong's numbers needs dozens, so they travel once. */
    @GetMapping("/library/glosses")
    Map<String, String> glosses() {
        Map<String, String> glosses = new LinkedHashMap<>();
        for (String prefix : new String[] {"H", "G"}) {
            for (int n = 1; n <= MAX_LEXICON_NUMBER; n++) {
                String number = prefix + n;
                library.gloss(number).ifPresent(gloss -> glosses.put(number, gloss));
            }
        }
        return glosses;
    }

    private void known(String translation) {
        if (scripture.translations().stream().noneMatch(t -> t.id().equals(translation))) throw notFound("no translation " + translation);
    }

    private static VerseRef verse(String osis) {
        try {
            return VerseRef.parseOsis(osis);
        } catch (IllegalArgumentException e) {
            throw new ProblemException("bad-reference", "Bad reference", 400, "not an OSIS verse id: " + osis);
        }
    }

    private static ProblemException notFound(String detail) {
        return new ProblemException("not-found", "Not found", 404, detail);
    }
}
