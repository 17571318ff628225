package org.gospelib.assistant.internal;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Stands between a streamed answer and the reader: text passes as it comes, but a citation
 * ({@code [John.3.16]}, {@code [Rom.8.28-Rom.8.30]}) and a quotation followed by one are held
 * until they are complete and checked, then sent as one {@link AnswerPart.Citation}. A bracket
 * that holds no reference is text; an unclosed one at the end is text too, never a citation.
 */
final class CitationGate {

    /** Longer brackets are not citations. */
    static final int MAX_CITATION = 80;
    /** Longer quotations are passed on as text, unchecked and unclaimed as scripture. */
    static final int MAX_QUOTATION = 1_500;

    /** Checks one citation: the reference as written, and the text quoted before it. */
    interface Check {
        AnswerPart.Citation check(String reference, Optional<String> quotation);
    }

    private enum State { TEXT, CITATION, QUOTATION, AFTER_QUOTATION }

    private final Check check;
    private final Consumer<AnswerPart> out;
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder held = new StringBuilder();
    private State state = State.TEXT;
    private String quotation = "";
    private String quotationMarks = "";
    private char closing;
    /** The last thing out was a citation: a second closing bracket ("[[John.3.16]]") is dropped. */
    private boolean justCited;

    CitationGate(Check check, Consumer<AnswerPart> out) {
        this.check = check;
        this.out = out;
    }

    /** Takes the next piece of the answer, however it is cut. */
    void accept(String chunk) {
        for (int i = 0; i < chunk.length(); i++) next(chunk.charAt(i));
        flushText();
    }

    /** The answer ended: whatever is held goes out as text. */
    void finish() {
        switch (state) {
            case CITATION, AFTER_QUOTATION -> text.append(quotationMarks).append(held);
            case QUOTATION -> text.append(held);
            case TEXT -> {
            }
        }
        held.setLength(0);
        quotationMarks = "";
        state = State.TEXT;
        flushText();
    }

    private void next(char c) {
        switch (state) {
            case TEXT -> {
                boolean afterCitation = justCited;
                justCited = false;
                if (c == ']' && afterCitation) {
                    return;
                } else if (c == '[') {
                    startCitation("", "");
                    held.append(c);
                } else if (c == '"' || c == '\u201C') {
                    flushText();
                    state = State.QUOTATION;
                    closing = c == '"' ? '"' : '\u201D';
                    held.setLength(0);
                    held.append(c);
                } else {
                    text.append(c);
                }
            }
            case QUOTATION -> {
                held.append(c);
                if (c == closing) {
                    quotationMarks = held.toString();
                    quotation = quotationMarks.substring(1, quotationMarks.length() - 1);
                    held.setLength(0);
                    state = State.AFTER_QUOTATION;
                } else if (held.length() > MAX_QUOTATION) {
                    text.append(held);
                    held.setLength(0);
                    state = State.TEXT;
                }
            }
            case AFTER_QUOTATION -> {
                if (c == '[') {
                    String spacing = held.toString();
                    startCitation(quotation, quotationMarks + spacing);
                    held.append(c);
                } else if ((c == ' ' || c == '\u00A0') && held.length() < 2) {
                    held.append(c);
                } else {
                    // a quotation no reference follows is the answer's own words, not claimed as scripture
                    text.append(quotationMarks).append(held);
                    held.setLength(0);
                    quotationMarks = "";
                    state = State.TEXT;
                    next(c);
                }
            }
            case CITATION -> {
                held.append(c);
                if (c == ']') {
                    String reference = held.substring(1, held.length() - 1);
                    held.setLength(0);
                    state = State.TEXT;
                    cite(reference);
                } else if (c == '[') {
                    if (held.length() > 2) {
                        // a bracket inside a bracket: what came before is text, a citation starts here
                        text.append(quotationMarks).append(held, 0, held.length() - 1);
                        startCitation("", "");
                        held.append(c);
                    } else {
                        // "[[John.3.16]]" is cited as "[John.3.16]", with the quotation before it
                        held.setLength(1);
                    }
                } else if (c == '\n' || held.length() > MAX_CITATION) {
                    text.append(quotationMarks).append(held);
                    held.setLength(0);
                    quotationMarks = "";
                    state = State.TEXT;
                }
            }
        }
    }

    private void startCitation(String quoted, String before) {
        flushText();
        state = State.CITATION;
        quotation = quoted;
        quotationMarks = before;
        held.setLength(0);
    }

    private void cite(String reference) {
        if (!looksLikeReference(reference)) {
            // "[sic]", "[the Lord]": the answer's own brackets
            text.append(quotationMarks).append('[').append(reference).append(']');
            quotationMarks = "";
            return;
        }
        Optional<String> quoted = quotation.isBlank() ? Optional.empty() : Optional.of(quotation);
        quotationMarks = "";
        quotation = "";
        out.accept(check.check(reference, quoted));
        justCited = true;
    }

    /** A bracket with a digit in it is meant as a reference (and checked); others are words. */
    static boolean looksLikeReference(String s) {
        if (s.isBlank()) return false;
        for (int i = 0; i < s.length(); i++) if (Character.isDigit(s.charAt(i))) return true;
        return false;
    }

    private void flushText() {
        if (text.isEmpty()) return;
        out.accept(new AnswerPart.Text(text.toString()));
        text.setLength(0);
    }
}
