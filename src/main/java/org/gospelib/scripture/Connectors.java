package org.gospelib.scripture;

/**
 * The words people put between and before the numbers of a reference, in English and Spanish:
 * {@code to}/{@code through}/{@code al} for a range, {@code and}/{@code y} for a list,
 * {@code chapter}/{@code capítulo} before a chapter, {@code verse}/{@code vv.}/{@code versículo}
 * before a verse, and chapters in Roman numerals. Each method looks at one position of the text
 * and answers with the end of what it recognised, or -1, without allocating.
 */
final class Connectors {

    private static final String[] RANGE_WORDS = {"to", "through", "thru", "till", "until", "al", "hasta", "a"};
    private static final String[] LIST_WORDS = {"and", "y", "e"};
    private static final String[] CHAPTER_WORDS = {"chapter", "chapters", "chap", "ch", "chs", "capitulo", "capitulos",
            "cap", "caps"};
    private static final String[] VERSE_WORDS = {"verse", "verses", "v", "vv", "vs", "vss", "ver", "vers", "versiculo",
            "versiculos", "vers"};
    /** Chapters stop at 150 (the Psalms); longer numerals are words, not chapters. */
    private static final int MAX_ROMAN_LETTERS = 8;

    private Connectors() {
    }

    /** End of a range word ({@code to}, {@code through}, {@code al} …) at {@code at}, or -1. */
    static int rangeWordEnd(CharSequence s, int at) {
        return wordIn(s, at, RANGE_WORDS);
    }

    /** End of a list word ({@code and}, {@code y}, or {@code &}) at {@code at}, or -1. */
    static int listWordEnd(CharSequence s, int at) {
        if (at < s.length() && s.charAt(at) == '&') return at + 1;
        return wordIn(s, at, LIST_WORDS);
    }

    /** Where the number starts after a chapter word ({@code chapter 3}, {@code cap. 3}), or -1. */
    static int chapterWordEnd(CharSequence s, int at) {
        return numberAfter(s, wordIn(s, at, CHAPTER_WORDS));
    }

    /** Where the number starts after a verse word ({@code verse 16}, {@code vv. 16}, {@code versículo 16}), or -1. */
    static int verseWordEnd(CharSequence s, int at) {
        return numberAfter(s, wordIn(s, at, VERSE_WORDS));
    }

    /** End of a Roman numeral word ({@code iii}, {@code XXIII}) at {@code at}, or -1. */
    static int romanEnd(CharSequence s, int at) {
        int p = at;
        while (p < s.length() && p - at <= MAX_ROMAN_LETTERS && "ivxlc".indexOf(TextChars.fold(s.charAt(p))) >= 0) p++;
        if (p == at || p - at > MAX_ROMAN_LETTERS || (p < s.length() && TextChars.isWordChar(s.charAt(p)))) return -1;
        return romanValue(s, at, p) > 0 ? p : -1;
    }

    /** The value of a well-formed Roman numeral up to 150, or 0. */
    static int romanValue(CharSequence s, int from, int to) {
        int total = 0;
        int previous = Integer.MAX_VALUE;
        for (int i = from; i < to; i++) {
            int value = switch (TextChars.fold(s.charAt(i))) {
                case 'i' -> 1;
                case 'v' -> 5;
                case 'x' -> 10;
                case 'l' -> 50;
                case 'c' -> 100;
                default -> 0;
            };
            if (value == 0) return 0;
            total += value > previous ? value - 2 * previous : value;
            previous = value;
        }
        // a numeral is well formed when writing its value back gives the same letters
        if (total <= 0 || total > 150 || !canonicalRoman(total).contentEquals(folded(s, from, to))) return 0;
        return total;
    }

    private static String canonicalRoman(int value) {
        int[] values = {100, 90, 50, 40, 10, 9, 5, 4, 1};
        String[] letters = {"c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"};
        StringBuilder out = new StringBuilder();
        int rest = value;
        for (int i = 0; i < values.length; i++) {
            while (rest >= values[i]) {
                out.append(letters[i]);
                rest -= values[i];
            }
        }
        return out.toString();
    }

    private static StringBuilder folded(CharSequence s, int from, int to) {
        StringBuilder out = new StringBuilder(to - from);
        for (int i = from; i < to; i++) out.append(TextChars.fold(s.charAt(i)));
        return out;
    }

    /** After a word and its optional full stop and spaces, where a number starts, or -1. */
    private static int numberAfter(CharSequence s, int wordEnd) {
        if (wordEnd < 0) return -1;
        int p = wordEnd < s.length() && s.charAt(wordEnd) == '.' ? wordEnd + 1 : wordEnd;
        while (p < s.length() && TextChars.isSpace(s.charAt(p))) p++;
        return p < s.length() && TextChars.isDigit(s.charAt(p)) ? p : -1;
    }

    /** End of the word at {@code at} when it is one of {@code words} (folded), or -1. */
    private static int wordIn(CharSequence s, int at, String[] words) {
        if (at >= s.length() || !TextChars.isWordChar(s.charAt(at))) return -1;
        int end = BookNameMatcher.wordEnd(s, at);
        return TextChars.foldedIndexIn(s, at, end, words) >= 0 ? end : -1;
    }
}
