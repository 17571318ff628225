package org.gospelib.scripture;

import java.util.Objects;

/**
 * A scripture reference, or part of one, that could not be understood. The message names the
 * part, as in {@code "Jhnn 3:16": "Jhnn" is not a book name} or
 * {@code "John 3:99": John 3 has 36 verses}.
 *
 * <p>This is the only exception {@link ReferenceParser} and {@link OsisRange#parse(String)}
 * throw for bad input.
 */
public final class ReferenceParseException extends IllegalArgumentException {

    /** Longer inputs are shortened in the message; {@link #input()} keeps the whole text. */
    private static final int QUOTED_INPUT_LIMIT = 120;

    private final String input;
    private final int offset;
    private final String fragment;
    private final String reason;
    private final Kind kind;

    /**
     * @param input    the whole text that was being parsed
     * @param offset   where the offending fragment starts in {@code input}
     * @param fragment the part that was not understood (possibly empty, for an empty input)
     * @param reason   what is wrong with it, for people to read
     */
    public ReferenceParseException(String input, int offset, String fragment, String reason) {
        this(input, offset, fragment, reason, Kind.NOT_UNDERSTOOD);
    }

    public ReferenceParseException(String input, int offset, String fragment, String reason, Kind kind) {
        super(quote(Objects.requireNonNull(input, "input")) + ": " + Objects.requireNonNull(reason, "reason"));
        this.input = input;
        this.offset = offset;
        this.fragment = Objects.requireNonNull(fragment, "fragment");
        this.reason = reason;
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** What went wrong, for callers that answer differently: a typo is not a missing verse. */
    public enum Kind {
        /** Part of the input is not a reference. */
        NOT_UNDERSTOOD,
        /** A well-formed reference to a chapter or verse the book does not have. */
        OUT_OF_RANGE
    }

    public Kind kind() {
        return kind;
    }

    private static String quote(String input) {
        String shown = input.length() <= QUOTED_INPUT_LIMIT ? input : input.substring(0, QUOTED_INPUT_LIMIT) + "…";
        return '"' + shown + '"';
    }

    /** The whole text that was being parsed. */
    public String input() {
        return input;
    }

    /** The part of the input that was not understood. */
    public String fragment() {
        return fragment;
    }

    /** Index in {@link #input()} where {@link #fragment()} starts. */
    public int offset() {
        return offset;
    }

    /** What is wrong, without the quoted input: {@code "Jhnn" is not a book name}. */
    public String reason() {
        return reason;
    }
}
