package org.gospelib.scripture;

import java.util.Objects;

/**
 * A stretch of the input that lenient parsing could not read as a reference, trimmed of
 * surrounding spaces and list separators.
 *
 * @param text   the characters as written
 * @param offset where they start in the input
 */
public record UnparsedPart(String text, int offset) {

    public UnparsedPart {
        Objects.requireNonNull(text, "text");
        if (offset < 0) throw new IllegalArgumentException("offset must be >= 0: " + offset);
    }

    /** Index in the input just after the text. */
    public int end() {
        return offset + text.length();
    }
}
