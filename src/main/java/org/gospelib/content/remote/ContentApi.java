package org.gospelib.content.remote;

import java.util.List;
import java.util.Map;
import org.gospelib.content.ReferenceLibrary;
import org.gospelib.content.TranslationInfo;
import org.gospelib.scripture.VerseRef;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * The content service's routes for the other services (never routed by the gateway), as a typed
 * client: the text by chapter or by book, and the reference works. Verse content travels in its
 * stored JSON form, the one format that keeps every segment, note and title.
 */
@HttpExchange("/internal/content")
public interface ContentApi {

    @GetExchange("/version")
    CorpusVersionAnswer version();

    @GetExchange("/translations")
    List<TranslationInfo> translations();

    @GetExchange("/text/{translation}/{book}/{chapter}")
    List<WireVerse> chapter(@PathVariable String translation, @PathVariable String book, @PathVariable int chapter);

    @GetExchange("/text/{translation}/{book}")
    List<WireVerse> book(@PathVariable String translation, @PathVariable String book);

    @GetExchange("/digests/{translation}")
    DigestAnswer digest(@PathVariable String translation);

    @GetExchange("/library/related")
    List<ReferenceLibrary.RelatedVerse> related(@RequestParam String verse, @RequestParam int limit);

    @GetExchange("/library/topics-of")
    List<ReferenceLibrary.TopicSummary> topicsOf(@RequestParam String verse);

    @GetExchange("/library/commentary")
    List<ReferenceLibrary.CommentaryEntry> commentaryOn(@RequestParam String verse);

    @GetExchange("/library/topics")
    List<ReferenceLibrary.TopicSummary> findTopics(@RequestParam String q, @RequestParam int limit);

    @GetExchange("/library/topics/{id}")
    ReferenceLibrary.Topic topic(@PathVariable String id);

    @GetExchange("/library/lemmas/{strongs}")
    ReferenceLibrary.Lemma lemma(@PathVariable String strongs);

    @GetExchange("/library/glosses")
    Map<String, String> glosses();

    record CorpusVersionAnswer(long version) {
    }

    /** @param digest empty for an unknown translation */
    record DigestAnswer(String digest) {
    }

    /** A verse as it crosses the wire: its places in KJV and native numbering, its stored JSON. */
    record WireVerse(VerseRef kjv, VerseRef nativeRef, String content) {
    }
}
