package org.gospelib.scripture;

import java.text.Normalizer;

/**
 * Character classes and case/accent folding shared by the book-name catalogue and the reference
 * scanner, so that a name is normalised the same way when the catalogue is loaded and when it is
 * read from user input.
 */
final class TextChars {

    /** Folded form of every char below this bound is precomputed; Latin script lives there. */
    private static final int TABLE_SIZE = 0x250;
    private static final char[] FOLDED = new char[TABLE_SIZE];

    static {
        for (int c = 0; c < TABLE_SIZE; c++) {
            FOLDED[c] = c < 128 ? Character.toLowerCase((char) c) : baseLetter((char) c);
        }
    }

    private TextChars() {
    }

    /** The lower-case base letter of an accented Latin letter ({@code É} → {@code e}). */
    private static char baseLetter(char c) {
        char base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).charAt(0);
        return base < 128 && Character.isLetter(base) ? Character.toLowerCase(base) : Character.toLowerCase(c);
    }

    /** Lower-cases and strips diacritics, so that {@code Génesis} and {@code GENESIS} agree. */
    static char fold(char c) {
        return c < TABLE_SIZE ? FOLDED[c] : Character.toLowerCase(c);
    }

    /**
     * The text with full-width forms (U+FF01–U+FF5E, as East Asian keyboards type {@code ３：１６})
     * and the ideographic space read as their ASCII counterparts, char for char, so positions in
     * the result are positions in the input. The input itself when there are none.
     */
    static String narrow(String text) {
        int i = 0;
        while (i < text.length() && !isWide(text.charAt(i))) i++;
        if (i == text.length()) return text;
        char[] chars = text.toCharArray();
        for (; i < chars.length; i++) {
            char c = chars[i];
            if (c >= '\uFF01' && c <= '\uFF5E') chars[i] = (char) (c - 0xFEE0);
            else if (c == '\u3000') chars[i] = ' ';
        }
        return new String(chars);
    }

    private static boolean isWide(char c) {
        return (c >= '\uFF01' && c <= '\uFF5E') || c == '\u3000';
    }

    /**
     * Which of {@code words} (folded, ASCII) the text between {@code from} and {@code to} is once
     * folded, or -1: a comparison without building a string.
     */
    static int foldedIndexIn(CharSequence s, int from, int to, String[] words) {
        candidates:
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            if (word.length() != to - from) continue;
            for (int k = 0; k < word.length(); k++) {
                if (fold(s.charAt(from + k)) != word.charAt(k)) continue candidates;
            }
            return i;
        }
        return -1;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isSpace(char c) {
        if (c == ' ') return true;
        if (c < 128) return c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Hyphen-minus and the Unicode dashes people type or paste between the ends of a range. */
    static boolean isDash(char c) {
        return c == '-' || (c >= '\u2010' && c <= '\u2015') || c == '\u2212';
    }

    static boolean isListSeparator(char c) {
        return c == ',' || c == ';';
    }

    static boolean isLetter(char c) {
        if (c < 128) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
        return Character.isLetter(c);
    }

    /**
     * A char that belongs to a word: a letter, or a combining accent (input in decomposed form,
     * {@code e} + U+0301, must read like {@code é}).
     */
    static boolean isWordChar(char c) {
        if (c < 128) return isLetter(c);
        return Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    static boolean isCombiningMark(char c) {
        return c >= 0x300 && Character.getType(c) == Character.NON_SPACING_MARK;
    }

    static boolean isLetterOrDigit(char c) {
        return isDigit(c) || isWordChar(c);
    }
}
