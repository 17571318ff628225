package org.gospelib.content;

import java.util.List;
import java.util.Optional;
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

    /** Changes whenever the corpus changes; 0 before the first ingest. */
    long corpusVersion();
}
