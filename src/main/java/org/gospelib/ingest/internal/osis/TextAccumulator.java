package org.gospelib.ingest.internal.osis;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.gospelib.scripture.Mark;
import org.gospelib.scripture.Segment;

/**
 * Builds reading text as segments while normalising whitespace on the fly: every run of
 * whitespace (across segment boundaries too) becomes one space, and there is none at either end.
 *
 * <p>Removed markup (a note, a title, a paragraph or line boundary) leaves a <em>soft break</em>:
 * a space that is only emitted if the text on both sides would otherwise touch, and not before
 * closing punctuation or after opening punctuation. Without it, sources that put a note between
 * two words ({@code God<note>…</note>created}) lose the space; with a plain space instead,
 * a note before a comma would leave {@code word ,}.
 *
 * <p>Characters with equal marks and the same word (see {@link #append}) share a segment, so
 * adjacent plain runs with equal marks merge while each tagged word stays a segment of its own.
 */
final class TextAccumulator {

    private static final String CLOSING = ".,;:!?)]}\u201D\u2019\u00BB\u2026";
    private static final String OPENING = "([{\u201C\u2018\u00AB";

    private final List<Piece> pieces = new ArrayList<>();
    private Piece current;
    private boolean lastWasSpace = true;
    private boolean softBreak;
    private boolean inGap;
    private char lastChar;

    private static final class Piece {
        final StringBuilder text = new StringBuilder();
        final Set<Mark> marks;
        final List<String> strongs;
        final int word;

        Piece(Set<Mark> marks, List<String> strongs, int word) {
            this.marks = marks;
            this.strongs = strongs;
            this.word = word;
        }
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Asks for a separation before the next text, see the class comment. */
    void softBreak() {
        softBreak = true;
    }

    /**
     * Marks where a note was removed. Sources often set a note off with spaces on both sides
     * ({@code coins</q> <note>…</note> <q>?}); those spaces belong to the note, so the gap
     * becomes one soft break: a space between words, nothing before closing punctuation.
     */
    void gap() {
        softBreak = true;
        inGap = true;
    }

    /** Appends plain, unmarked text. */
    void append(CharSequence text) {
        append(text, Set.of(), List.of(), 0);
    }

    /**
     * Appends text.
     *
     * @param marks   marks in force
     * @param strongs Strong's numbers of the word being read, empty outside tagged words
     * @param word    an id distinguishing one tagged word from the next, so that two adjacent
     *                words with the same numbers stay separate segments; ignored without strongs
     */
    void append(CharSequence text, Set<Mark> marks, List<String> strongs, int word) {
        int wordId = strongs.isEmpty() ? 0 : word;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isSpace(c) && inGap) continue;
            if (isSpace(c)) {
                softBreak = false;
                if (!lastWasSpace) {
                    put(' ', marks, strongs, wordId);
                    lastWasSpace = true;
                }
                continue;
            }
            if (inGap) {
                inGap = false;
                if (lastWasSpace && CLOSING.indexOf(c) >= 0) retractSpace();
            }
            if (softBreak) {
                softBreak = false;
                if (!lastWasSpace && CLOSING.indexOf(c) < 0 && OPENING.indexOf(lastChar) < 0) {
                    put(' ', marks, List.of(), 0);
                }
            }
            put(c, marks, strongs, wordId);
            lastWasSpace = false;
            lastChar = c;
        }
    }

    private void put(char c, Set<Mark> marks, List<String> strongs, int word) {
        if (current == null || current.word != word || !current.marks.equals(marks)) {
            current = new Piece(marks, strongs, word);
            pieces.add(current);
        }
        current.text.append(c);
    }

    /** The segments so far, trailing space removed. */
    List<Segment> segments() {
        trimEnd();
        List<Segment> segments = new ArrayList<>(pieces.size());
        for (Piece piece : pieces) {
            if (!piece.text.isEmpty()) segments.add(new Segment(piece.text.toString(), piece.marks, piece.strongs));
        }
        return segments;
    }

    /** The plain text so far, trailing space removed. */
    String text() {
        trimEnd();
        StringBuilder out = new StringBuilder();
        for (Piece piece : pieces) out.append(piece.text);
        return out.toString();
    }

    /** Takes back the space just emitted, when what follows shows it belonged to removed markup. */
    private void retractSpace() {
        for (int i = pieces.size() - 1; i >= 0; i--) {
            StringBuilder text = pieces.get(i).text;
            if (text.isEmpty()) continue;
            if (text.charAt(text.length() - 1) == ' ') {
                text.setLength(text.length() - 1);
                lastWasSpace = text.isEmpty() ? lastWasSpace : false;
                if (!text.isEmpty()) lastChar = text.charAt(text.length() - 1);
            }
            return;
        }
    }

    private void trimEnd() {
        if (!lastWasSpace || pieces.isEmpty()) return;
        for (int i = pieces.size() - 1; i >= 0; i--) {
            StringBuilder text = pieces.get(i).text;
            if (text.isEmpty()) continue;
            if (text.charAt(text.length() - 1) == ' ') text.setLength(text.length() - 1);
            break;
        }
    }
}
