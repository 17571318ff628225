package org.gospelib.content;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.gospelib.scripture.VerseContent;
import org.gospelib.scripture.VerseRef;

/**
 * The corpus as other modules see it: what translations exist and the content of a verse,
 * addressed in KJV numbering whatever the translation's own numbering is.
 */
public interface ScriptureText {

    /** Translations in display order; empty until the corpus has been ingested. */
    List<TranslationInfo> translations();

    /** The verse of a translation that corresponds to a KJV-numbered verse, if it has text. */
    Optional<VerseContent> verse(String translationId, VerseRef kjvRef);

    /**
     * Every verse of a translation that has text and a place in KJV numbering, in canonical
     * order; a verse the translation merges with its neighbour appears once, at its first KJV
     * place. Empty for an unknown translation.
     */
    Stream<TranslationVerse> verses(String translationId);

    /**
     * A digest of everything the corpus holds for a translation, in canonical order: equal
     * digests mean equal content, so what was derived from it (a search index) can be reused
     * without reading the verses. Empty for an unknown translation.
     */
    Optional<String> contentDigest(String translationId);

    /** Changes whenever the corpus changes; 0 before the first ingest. */
    long corpusVersion();
}
