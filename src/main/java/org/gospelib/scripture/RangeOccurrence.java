package org.gospelib.scripture;

import java.util.List;
import java.util.Objects;

/**
 * Where a range was written in the input, so that a reference inside free text can be turned
 * into a link. In {@code "John 3:16, 18"} the second occurrence is the text {@code 18} at offset
 * 11, standing for {@code John.3.18}.
 *
 * @param range  what the text stands for
 * @param text   the characters as written
 * @param offset where they start in the input
 * @param notes  what the parser assumed to read it ({@code read "Genisis" as Genesis}); usually none
 */
public record RangeOccurrence(OsisRange range, String text, int offset, List<String> notes) {

    public RangeOccurrence {
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(text, "text");
        if (offset < 0) throw new IllegalArgumentException("offset must be >= 0: " + offset);
        notes = List.copyOf(notes);
    }

    /** An occurrence read without assumptions. */
    public RangeOccurrence(OsisRange range, String text, int offset) {
        this(range, text, offset, List.of());
    }

    /** Index in the input just after the text. */
    public int end() {
        return offset + text.length();
    }
}
