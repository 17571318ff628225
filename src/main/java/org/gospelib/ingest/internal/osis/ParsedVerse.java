package org.gospelib.ingest.internal.osis;

import java.util.Objects;

import org.gospelib.scripture.VerseContent;

/**
 * A parsed verse and the marks still open where it ends.
 *
 * @param content  the verse
 * @param endState the state to start the next verse with
 */
public record ParsedVerse(VerseContent content, MarkState endState) {

    public ParsedVerse {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(endState, "endState");
    }
}
