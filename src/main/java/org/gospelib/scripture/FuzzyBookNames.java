package org.gospelib.scripture;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a misspelled book name ({@code Genisis}, {@code Phillipians}, {@code 1 Corinthains}) as
 * the book it was meant to be, conservatively:
 * <ul>
 *   <li>the distance allowed grows with the length of what was written: none below five letters
 *       (short words are too often other words or other books' abbreviations), one edit from five,
 *       two from eight; an edit is an insertion, deletion, substitution or swap of neighbours;</li>
 *   <li>the ordinal of a numbered book is never edited ({@code 3 Jhon} is 3 John, never 1 John);</li>
 *   <li>when names of two different books are within reach (abbreviations count: {@code Jhon} is
 *       one edit from John and from Jon, Jonah), nothing is read: a guess is made only where it
 *       cannot be between two real names.</li>
 * </ul>
 * Only the scanner's failure path asks, and only for a word followed by a chapter number, so
 * neither speed nor ordinary words pay for it.
 */
final class FuzzyBookNames {

    static final int MIN_LETTERS = 4;
    static final int TWO_EDITS_FROM = 8;

    private final String[] keys;
    private final int[] books;
    /** Each key's count of every letter a-z (others in slot 26): a cheap lower bound before the real distance. */
    private final byte[][] letterCounts;
    /** Indexes of the keys of each length, so that only keys within reach of a length are looked at. */
    private final int[][] byLength;
    /** Each key's set of letters as bits: the cheapest bound of all, one XOR and a bit count. */
    private final long[] letterSets;

    FuzzyBookNames(BookNames names) {
        // every name competes, abbreviations too: "Jued" is as near Jue (Judges) as Jude, so it is neither
        List<BookNames.NameKey> nameKeys = names.nameKeys();
        List<String> keyList = nameKeys.stream().map(BookNames.NameKey::key).toList();
        List<Integer> bookList = nameKeys.stream().map(BookNames.NameKey::book).toList();
        this.keys = keyList.toArray(String[]::new);
        this.books = bookList.stream().mapToInt(Integer::intValue).toArray();
        this.letterCounts = new byte[keys.length][];
        for (int i = 0; i < keys.length; i++) letterCounts[i] = counts(keys[i]);
        this.letterSets = new long[keys.length];
        for (int i = 0; i < keys.length; i++) letterSets[i] = letterSet(keys[i]);
        int longest = keyList.stream().mapToInt(String::length).max().orElse(0);
        List<List<Integer>> lengths = new ArrayList<>();
        for (int length = 0; length <= longest; length++) lengths.add(new ArrayList<>());
        for (int i = 0; i < keys.length; i++) lengths.get(keys[i].length()).add(i);
        this.byLength = lengths.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }

    private static long letterSet(String key) {
        long set = 0;
        for (int i = 0; i < key.length(); i++) set |= 1L << (key.charAt(i) & 63);
        return set;
    }

    private static byte[] counts(String key) {
        byte[] counts = new byte[27];
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            counts[c >= 'a' && c <= 'z' ? c - 'a' : 26]++;
        }
        return counts;
    }

    /**
     * Half the letters the two keys do not share, rounded up: no sequence of fewer edits can turn
     * one into the other (each edit changes at most two letter counts by one).
     */
    private static int lowerBound(byte[] a, byte[] b) {
        int difference = 0;
        for (int i = 0; i < a.length; i++) difference += Math.abs(a[i] - b[i]);
        return (difference + 1) / 2;
    }

    /** The edits allowed for a written key of this many letters. */
    static int allowedEdits(int letters) {
        return letters >= TWO_EDITS_FROM ? 2 : letters >= MIN_LETTERS ? 1 : 0;
    }

    /** The one book a folded key is a misspelling of, or -1 (none close enough, or more than one). */
    int book(String written) {
        int budget = allowedEdits(letters(written));
        if (budget == 0) return -1;
        int found = -1;
        byte[] writtenCounts = counts(written);
        long writtenSet = letterSet(written);
        int shortest = Math.max(0, written.length() - budget);
        int longest = Math.min(byLength.length - 1, written.length() + budget);
        for (int length = shortest; length <= longest; length++) for (int i : byLength[length]) {
            String key = keys[i];
            if (ordinal(key) != ordinal(written)) continue;
            // a letter in one and not the other costs an edit, and one edit settles at most two
            if ((Long.bitCount(writtenSet ^ letterSets[i]) + 1) / 2 > budget) continue;
            if (lowerBound(writtenCounts, letterCounts[i]) > budget) continue;
            if (distance(written, key, budget) > budget) continue;
            if (found >= 0 && found != books[i]) return -1;
            found = books[i];
        }
        return found;
    }

    private static char ordinal(String key) {
        return TextChars.isDigit(key.charAt(0)) ? key.charAt(0) : 0;
    }

    private static int letters(String key) {
        return TextChars.isDigit(key.charAt(0)) ? key.length() - 1 : key.length();
    }

    /**
     * Optimal string alignment distance (Levenshtein with swaps of neighbours), stopping early
     * once every alignment costs more than {@code budget}.
     */
    static int distance(String a, String b, int budget) {
        int n = a.length();
        int m = b.length();
        int[] before = new int[m + 1];
        int[] previous = new int[m + 1];
        int[] current = new int[m + 1];
        for (int j = 0; j <= m; j++) previous[j] = j;
        for (int i = 1; i <= n; i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int d = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d = Math.min(d, before[j - 2] + 1);
                }
                current[j] = d;
                rowMin = Math.min(rowMin, d);
            }
            if (rowMin > budget) return budget + 1;
            int[] t = before;
            before = previous;
            previous = current;
            current = t;
        }
        return previous[m];
    }
}
