package org.gospelib.scripture;

/**
 * Reads a book name at a position of some text: an optional ordinal ({@code 1}, {@code 1st},
 * {@code I}, {@code First}, {@code 1ª}, {@code 1ra}, {@code Primera [de]}) followed by one or more words,
 * matched case-, accent- and punctuation-insensitively against the catalogue's folded keys. The
 * longest name wins, so {@code Song of Solomon 2} reads as one name and {@code Song 2} as
 * another spelling of it.
 *
 * <p>{@link #keyOf(String)} applies the same rules to the catalogue's own spellings, which is
 * what keeps loading and scanning in agreement.
 */
final class BookNameMatcher {

    /** A name was read: see {@link Match#book} and {@link Match#end}. */
    static final int FOUND = 1;
    /** Nothing name-like here (not a letter, or a number that is not an ordinal of a name). */
    static final int NONE = 0;
    /** Letters that name no book: see {@link Match#failEnd}. */
    static final int NOT_A_BOOK = -1;

    /** Ordinal words, folded, with the number each stands for. */
    private static final String[] ORDINAL_WORDS = {
            "i", "ii", "iii", "iv",
            "first", "second", "third", "fourth",
            "primera", "primero", "primer", "segunda", "segundo", "tercera", "tercero", "tercer", "cuarta", "cuarto"};
    private static final int[] ORDINAL_VALUES = {
            1, 2, 3, 4,
            1, 2, 3, 4,
            1, 1, 1, 2, 2, 3, 3, 3, 4, 4};

    /** Suffixes that make a digit an ordinal, folded, by digit. */
    private static final String[][] ORDINAL_SUFFIXES = {
            {},
            {"st", "a", "o", "ª", "º", "ra", "ro", "er"},
            {"nd", "a", "o", "ª", "º", "da", "do"},
            {"rd", "a", "o", "ª", "º", "ra", "ro", "er"},
            {"th", "a", "o", "ª", "º", "ta", "to"}};

    /**
     * Words that introduce a book's name in a title ({@code The Gospel according to Saint},
     * {@code The First Epistle of Paul to the}, {@code El Evangelio según San}), folded. A title
     * must start with one of {@link #TITLE_STARTS}; the others only continue one, so that
     * {@code to} or {@code of} in prose never starts a name.
     */
    private static final String[] TITLE_STARTS = {
            "the", "book", "gospel", "epistle", "letter", "saint", "st", "el", "libro", "evangelio", "epistola",
            "carta", "san", "santo", "paul", "la", "los"};
    private static final String[] TITLE_WORDS = java.util.stream.Stream.concat(java.util.Arrays.stream(TITLE_STARTS),
            java.util.stream.Stream.of("of", "according", "to", "general", "apostle", "holy", "blessed", "prophet", "catholic",
                    "universal", "de", "del", "segun", "las", "a", "apostol", "pablo", "profeta", "s")).toArray(String[]::new);

    /** "The First Epistle General of Paul the Apostle to the": longer titles are not read. */
    private static final int MAX_TITLE_WORDS = 10;

    /** Where the last {@link #match} ended; reused by one scanner to avoid allocation. */
    static final class Match {
        int book;
        int end;
        /** The name belongs to another numbering of the books ({@code 3 Kings} for 1 Kings). */
        boolean renumbered;
        /**
         * End of the text that looked like a name but was not one, or -1. Also set when a
         * leading digit turned out not to be an ordinal ({@code 4 Cor}), so that a caller that
         * cannot read the digit as a number can still say which name it did not know.
         */
        int failEnd;
    }

    private final BookNameTrie trie;

    BookNameMatcher(BookNameTrie trie) {
        this.trie = trie;
    }

    /**
     * Tries to read a book name starting exactly at {@code from}.
     *
     * @return {@link #FOUND}, {@link #NONE} or {@link #NOT_A_BOOK}
     */
    int match(CharSequence s, int from, Match out) {
        int result = matchName(s, from, out);
        if (!startsTitle(s, from)) return result;
        // a title read further than the plain name: "San Juan" is John, though "San" alone begins
        // Santiago; but "Letter of Jeremiah" is a name of its own, longer than "Jeremiah" after a title
        Match titled = new Match();
        if (matchTitled(s, from, titled) != FOUND || (result == FOUND && out.end >= titled.end)) return result;
        out.book = titled.book;
        out.end = titled.end;
        out.renumbered = titled.renumbered;
        out.failEnd = -1;
        return FOUND;
    }

    /**
     * A name behind a title: {@code The Gospel according to Saint Matthew}, {@code The First
     * Epistle of John}, {@code San Juan}. The title's words are skipped (an ordinal among them
     * numbers the book), then the name must follow.
     */
    /** A title word, or an ordinal followed by one ({@code First Letter}, {@code 2nd Epistle}, {@code Primera Carta}). */
    private static boolean startsTitle(CharSequence s, int from) {
        int p = from;
        if (ordinalAt(s, p) > 0) p = afterOrdinal(s, p);
        return p < s.length() && TextChars.isWordChar(s.charAt(p)) && foldedIn(s, p, wordEnd(s, p), TITLE_STARTS);
    }

    /** The number an ordinal at {@code at} stands for ({@code 1}, {@code 1st}, {@code I}, {@code First}, {@code 1ª}), or 0. */
    private static int ordinalAt(CharSequence s, int at) {
        if (at >= s.length()) return 0;
        char c = s.charAt(at);
        if (TextChars.isDigit(c)) {
            if (c < '1' || c > '4' || (at + 1 < s.length() && TextChars.isDigit(s.charAt(at + 1)))) return 0;
            return c - '0';
        }
        return TextChars.isWordChar(c) ? ordinalWord(s, at, wordEnd(s, at)) : 0;
    }

    /** Where the word after an ordinal starts (after its suffix, full stop and spaces). */
    private static int afterOrdinal(CharSequence s, int at) {
        int p;
        if (TextChars.isDigit(s.charAt(at))) {
            p = at + 1;
            int suffixEnd = wordEnd(s, p);
            // a full stop after a bare digit is no ordinal's ("1.5"); after "1st" or "I" it is
            if (suffixEnd > p && isOrdinalSuffix(s.charAt(at) - '0', s, p, suffixEnd)) {
                p = suffixEnd;
                if (p < s.length() && s.charAt(p) == '.') p++;
            }
        } else {
            p = wordEnd(s, at);
            if (p < s.length() && s.charAt(p) == '.') p++;
        }
        return skipSpaces(s, p);
    }

    private int matchTitled(CharSequence s, int from, Match out) {
        int limit = s.length();
        int p = from;
        int ordinal = ordinalAt(s, from);
        if (ordinal > 0) p = afterOrdinal(s, from);
        int words = 0;
        // a title has a handful of words; the bound keeps scanning prose, word after word, linear
        while (p < limit && words < MAX_TITLE_WORDS) {
            int end = wordEnd(s, p);
            if (end == p) break;
            boolean start = words == 0;
            int asOrdinal = start ? 0 : ordinalWord(s, p, end);
            if (asOrdinal > 0 && ordinal == 0) {
                ordinal = asOrdinal;
            } else if (foldedIn(s, p, end, start ? TITLE_STARTS : TITLE_WORDS)) {
                // "Paul's": the possessive belongs to the title word
                if (end + 1 < limit && (s.charAt(end) == '\'' || s.charAt(end) == '\u2019')
                        && TextChars.fold(s.charAt(end + 1)) == 's') end += 2;
            } else {
                break;
            }
            words++;
            int next = end < limit && s.charAt(end) == '.' ? end + 1 : end;
            next = skipSpaces(s, next);
            if (next == end || next >= limit) return NOT_A_BOOK;
            p = next;
        }
        if (words == 0 || p >= limit || !TextChars.isWordChar(s.charAt(p))) return NOT_A_BOOK;
        if (ordinal == 0) {
            int result = matchName(s, p, out);
            return result == FOUND ? FOUND : NOT_A_BOOK;
        }
        BookNameTrie.Node node = trie.root().child((char) ('0' + ordinal));
        return node != null && matchWords(s, node, p, out) ? FOUND : NOT_A_BOOK;
    }

    /** Whether the word, folded, is one of {@code words}. */
    private static boolean foldedIn(CharSequence s, int from, int to, String[] words) {
        return TextChars.foldedIndexIn(s, from, to, words) >= 0;
    }

    private int matchName(CharSequence s, int from, Match out) {
        int limit = s.length();
        out.failEnd = -1;
        char first = s.charAt(from);
        if (!TextChars.isDigit(first) && !TextChars.isWordChar(first)) return NONE;
        boolean digitOrdinal = TextChars.isDigit(first);
        int ordinal = ordinalAt(s, from);
        if (digitOrdinal && ordinal == 0) return NONE;
        int nameStart = from;
        if (ordinal > 0) {
            int afterIt = afterOrdinal(s, from);
            boolean nameFollows = afterIt < limit && TextChars.isWordChar(s.charAt(afterIt));
            if (nameFollows) nameStart = afterIt;
            else if (digitOrdinal) return NONE;
            else ordinal = 0; // "I" alone is a word
        }

        BookNameTrie.Node node = trie.root();
        if (ordinal > 0) {
            node = node.child((char) ('0' + ordinal));
            nameStart = skipSpanishDe(s, nameStart);
        }
        if (node != null && matchWords(s, node, nameStart, out)) return FOUND;
        out.failEnd = wordEnd(s, nameStart);
        return digitOrdinal ? NONE : NOT_A_BOOK;
    }

    /** Follows the words from {@code nameStart} through the trie from {@code node}; the longest name wins. */
    private static boolean matchWords(CharSequence s, BookNameTrie.Node node, int nameStart, Match out) {
        int limit = s.length();
        int best = -1;
        int bestEnd = -1;
        int word = nameStart;
        while (node != null) {
            int r = word;
            while (r < limit) {
                char c = s.charAt(r);
                if (!TextChars.isWordChar(c)) break;
                r++;
                if (node != null && !TextChars.isCombiningMark(c)) node = node.child(TextChars.fold(c));
            }
            if (node == null) break;
            if (node.book() >= 0) {
                best = node.book();
                bestEnd = r;
            }
            if (!node.hasChildren()) break;
            int next = r < limit && s.charAt(r) == '.' ? r + 1 : r;
            next = skipSpaces(s, next);
            if (next == r || next >= limit || !TextChars.isWordChar(s.charAt(next))) break;
            word = next;
        }
        if (best < 0) return false;
        out.book = best & ~BookNames.RENUMBERED;
        out.renumbered = (best & BookNames.RENUMBERED) != 0;
        out.end = bestEnd;
        return true;
    }

    /**
     * The folded key of a catalogue spelling: ordinal as a digit, then the letters of every word
     * folded, spaces and full stops dropped ({@code "I Cor."} → {@code 1cor}).
     *
     * @throws IllegalArgumentException if the spelling holds anything else, which the scanner
     *                                  could never match
     */
    static String keyOf(String spelling) {
        String s = spelling.strip();
        StringBuilder key = new StringBuilder(s.length());
        int p = 0;
        if (!s.isEmpty() && TextChars.isDigit(s.charAt(0))) {
            char d = s.charAt(0);
            if (d < '1' || d > '4' || (s.length() > 1 && TextChars.isDigit(s.charAt(1)))) {
                throw new IllegalArgumentException("a name may only start with an ordinal 1-4: " + spelling);
            }
            key.append(d);
            p = 1;
        } else if (!s.isEmpty()) {
            int end = wordEnd(s, 0);
            int ordinal = ordinalWord(s, 0, end);
            if (ordinal > 0 && end < s.length()) {
                key.append((char) ('0' + ordinal));
                p = end;
            }
        }
        for (; p < s.length(); p++) {
            char c = s.charAt(p);
            if (TextChars.isWordChar(c)) {
                if (!TextChars.isCombiningMark(c)) key.append(TextChars.fold(c));
            } else if (!TextChars.isSpace(c) && c != '.') {
                throw new IllegalArgumentException("a name may hold only letters, spaces and full stops: " + spelling);
            }
        }
        if (key.isEmpty() || (key.length() == 1 && TextChars.isDigit(key.charAt(0)))) {
            throw new IllegalArgumentException("not a name: " + spelling);
        }
        return key.toString();
    }

    /** Whether a key starts with an ordinal digit. */
    static boolean hasOrdinal(String key) {
        return TextChars.isDigit(key.charAt(0));
    }

    static int wordEnd(CharSequence s, int from) {
        int p = from;
        while (p < s.length() && TextChars.isWordChar(s.charAt(p))) p++;
        return p;
    }

    private static int skipSpaces(CharSequence s, int from) {
        int p = from;
        while (p < s.length() && TextChars.isSpace(s.charAt(p))) p++;
        return p;
    }

    /** {@code Primera de Juan}, {@code 1 de Reyes}: Spanish may put "de" after the ordinal. */
    private static int skipSpanishDe(CharSequence s, int nameStart) {
        int end = wordEnd(s, nameStart);
        if (end - nameStart != 2
                || TextChars.fold(s.charAt(nameStart)) != 'd'
                || TextChars.fold(s.charAt(nameStart + 1)) != 'e') {
            return nameStart;
        }
        int next = skipSpaces(s, end);
        return next > end && next < s.length() && TextChars.isWordChar(s.charAt(next)) ? next : nameStart;
    }

    /** The number an ordinal word stands for, or 0. */
    private static int ordinalWord(CharSequence s, int from, int to) {
        int length = to - from;
        if (length > 7) return 0;
        candidates:
        for (int i = 0; i < ORDINAL_WORDS.length; i++) {
            String word = ORDINAL_WORDS[i];
            if (word.length() != length) continue;
            for (int k = 0; k < length; k++) {
                if (TextChars.fold(s.charAt(from + k)) != word.charAt(k)) continue candidates;
            }
            return ORDINAL_VALUES[i];
        }
        return 0;
    }

    /**
     * The English {@code 1st 2nd 3rd 4th} and the Spanish {@code 1a 1o 1ª 1º 1ra 1ro 1er 2da 2do
     * 4ta 4to}. Each suffix must fit its digit, which keeps {@code 2Th} (2 Thessalonians) a name
     * rather than "2th".
     */
    private static boolean isOrdinalSuffix(int ordinal, CharSequence s, int from, int to) {
        suffixes:
        for (String suffix : ORDINAL_SUFFIXES[ordinal]) {
            if (suffix.length() != to - from) continue;
            for (int i = 0; i < suffix.length(); i++) {
                if (TextChars.fold(s.charAt(from + i)) != suffix.charAt(i)) continue suffixes;
            }
            return true;
        }
        return false;
    }
}
