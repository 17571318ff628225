package org.gospelib.scripture;

import java.util.Optional;

/**
 * A Strong's number: {@code H} (Hebrew and Aramaic) or {@code G} (Greek) and the entry's number,
 * as GospeLib's lexicons are keyed ({@code H430}, {@code G26}). One reading for every place a
 * number comes in (an OSIS lemma, a lexicon key, a search query, an address), so that they all
 * agree on what is a Strong's number.
 *
 * @param language {@code 'H'} or {@code 'G'}
 * @param number   the entry, 0 to 99,999
 */
public record StrongsNumber(char language, int number) {

    /** Longer texts are refused before they are looked at, whatever zeros they are padded with. */
    private static final int MAX_TEXT = 40;
    private static final int MAX_DIGITS = 5;

    public StrongsNumber {
        if (language != 'H' && language != 'G') throw new IllegalArgumentException("language must be H or G: " + language);
        if (number < 0 || number > 99_999) throw new IllegalArgumentException("number out of range: " + number);
    }

    /**
     * Reads {@code H430}, {@code h0430} (any case, leading zeros), and an augmented entry such as
     * {@code H1254a}, which folds onto its plain number; surrounding spaces are ignored. Anything
     * else — another letter, a sign, more than five significant digits, more than one letter after
     * the digits — is not a Strong's number.
     */
    public static Optional<StrongsNumber> parse(String text) {
        String t = text.strip();
        if (t.length() < 2 || t.length() > MAX_TEXT) return Optional.empty();
        char language = Character.toUpperCase(t.charAt(0));
        if (language != 'H' && language != 'G') return Optional.empty();
        int end = t.length();
        char last = t.charAt(end - 1);
        if (last >= 'a' && last <= 'z' || last >= 'A' && last <= 'Z') end--; // the augmented entry's letter
        if (end < 2) return Optional.empty();
        int first = 1;
        while (first < end - 1 && t.charAt(first) == '0') first++;
        if (end - first > MAX_DIGITS) return Optional.empty();
        int number = 0;
        for (int i = first; i < end; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') return Optional.empty();
            number = number * 10 + (c - '0');
        }
        return Optional.of(new StrongsNumber(language, number));
    }

    /** {@code H430}: the form lexicons, URLs and the search index use. */
    public String id() {
        return language + Integer.toString(number);
    }

    @Override
    public String toString() {
        return id();
    }
}
