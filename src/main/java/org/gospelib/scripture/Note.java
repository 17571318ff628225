package org.gospelib.scripture;

import java.util.List;

/**
 * A note attached to a verse, kept apart from its reading text.
 *
 * @param kind       what the note is
 * @param text       the note's plain text
 * @param references references the note cites, as written (cross-reference notes only)
 */
public record Note(Kind kind, String text, List<String> references) {

    public Note {
        references = List.copyOf(references);
    }

    /** What a note is. */
    public enum Kind {
        /** A translator's remark: literal rendering, alternative reading, explanation. */
        TRANSLATOR,
        /** A list of related passages. */
        CROSS_REFERENCE
    }
}
