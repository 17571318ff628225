package org.gospelib.scripture;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The catalogue of book names: for every book GospeLib knows (the 66 books of the Protestant
 * canon and the deuterocanonical books), its OSIS id, English and Spanish display names, and the
 * spellings and abbreviations people write in either language.
 *
 * <p>A name is recognised regardless of case, accents, full stops and spacing ({@code jn},
 * {@code JN.}, {@code Génesis}, {@code genesis}, {@code 1Co}, {@code 1 co.}), with the ordinal of
 * a numbered book written as {@code 1}, {@code 1st}, {@code I}, {@code First}, or in Spanish
 * {@code 1a}, {@code 1ª}, {@code 1ra}, {@code 1er}, {@code Primera}, {@code Primero de}.
 *
 * <p>Abbreviations come from an explicit table (resource {@code book-names.tsv}) rather than
 * from guessing: {@code Phil} is Philippians and {@code Phm} Philemon because the table says so.
 * Beyond the table, the beginning of a one-word English or Spanish name is accepted when it has
 * at least three letters and begins no other book's name ({@code Gene}, {@code Apoc},
 * {@code Filip}); a beginning shared by two books ({@code Phi}: Philippians, Philemon) is not a
 * name. This keeps every accepted spelling unambiguous.
 *
 * <p>Immutable and thread-safe.
 */
public final class BookNames {

    private static final String RESOURCE = "book-names.tsv";
    /**
     * Marks a trie entry that comes from another numbering of the books ({@code 3 Kings} for
     * 1 Kings): the book is read, and the reader told. Book indexes stay far below it.
     */
    static final int RENUMBERED = 1 << 16;
    /** Shorter beginnings would be mostly noise ("Ju", "Ma") and hardly ever unique. */
    private static final int MIN_PREFIX_LETTERS = 3;

    private final List<String> osisIds;
    private final Map<String, Integer> indexByOsis;
    private final List<String> englishNames;
    private final List<String> spanishNames;
    private final List<List<String>> spellings;
    private final List<List<String>> renumbered;
    private final BookNameMatcher matcher;
    private final FuzzyBookNames fuzzy;

    private BookNames(List<String[]> rows) {
        List<String> ids = new ArrayList<>();
        List<String> english = new ArrayList<>();
        List<String> spanish = new ArrayList<>();
        List<List<String>> spelled = new ArrayList<>();
        List<List<String>> otherNumbering = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (String[] row : rows) {
            if (index.putIfAbsent(row[0], ids.size()) != null) {
                throw new IllegalStateException("book listed twice: " + row[0]);
            }
            ids.add(row[0]);
            english.add(row[1]);
            spanish.add(row[2]);
            Set<String> all = new LinkedHashSet<>(List.of(row[0], row[1], row[2]));
            if (row.length > 3 && !row[3].isBlank()) {
                for (String spelling : row[3].split("\\|")) all.add(spelling.strip());
            }
            spelled.add(List.copyOf(all));
            List<String> other = new ArrayList<>();
            if (row.length > 4 && !row[4].isBlank()) {
                for (String spelling : row[4].split("\\|")) other.add(spelling.strip());
            }
            otherNumbering.add(List.copyOf(other));
        }
        this.osisIds = List.copyOf(ids);
        this.indexByOsis = Map.copyOf(index);
        this.englishNames = List.copyOf(english);
        this.spanishNames = List.copyOf(spanish);
        this.spellings = List.copyOf(spelled);
        this.renumbered = List.copyOf(otherNumbering);
        BookNameTrie trie = buildTrie();
        this.matcher = new BookNameMatcher(trie);
        this.fuzzy = new FuzzyBookNames(this);
    }

    /** The catalogue shipped with GospeLib, loaded once. */
    public static BookNames standard() {
        return Standard.INSTANCE;
    }

    /** Lazy holder: the table is read on first use only. */
    private static final class Standard {
        static final BookNames INSTANCE = load();
    }

    private static BookNames load() {
        InputStream in = BookNames.class.getResourceAsStream(RESOURCE);
        if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String[]> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] cols = line.split("\t");
                if (cols.length < 3) throw new IllegalStateException("malformed line in " + RESOURCE + ": " + line);
                rows.add(cols);
            }
            return new BookNames(rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private BookNameTrie buildTrie() {
        BookNameTrie trie = new BookNameTrie();
        for (int book = 0; book < osisIds.size(); book++) {
            for (String spelling : spellings.get(book)) {
                String key;
                try {
                    key = BookNameMatcher.keyOf(spelling);
                } catch (IllegalArgumentException notAName) {
                    // display names such as "Psalm 151" are for showing, not for reading
                    if (spelling.equals(englishNames.get(book)) || spelling.equals(spanishNames.get(book))) continue;
                    throw new IllegalStateException("bad spelling for " + osisIds.get(book), notAName);
                }
                int taken = trie.putIfAbsent(key, book);
                if (taken >= 0 && taken != book) {
                    throw new IllegalStateException("\"" + spelling + "\" would name both "
                            + osisIds.get(taken) + " and " + osisIds.get(book));
                }
            }
        }
        for (int book = 0; book < osisIds.size(); book++) {
            for (String spelling : renumbered.get(book)) {
                int taken = trie.putIfAbsent(BookNameMatcher.keyOf(spelling), book | RENUMBERED);
                if (taken >= 0) {
                    throw new IllegalStateException("\"" + spelling + "\" of another numbering is taken by "
                            + osisIds.get(taken & ~RENUMBERED));
                }
            }
        }
        uniqueBeginnings(trie).forEach((key, book) -> trie.putIfAbsent(key, book));
        return trie;
    }

    /** Beginnings of one-word names that begin no other book's name and are not spellings. */
    private Map<String, Integer> uniqueBeginnings(BookNameTrie explicit) {
        Map<String, Integer> owner = new LinkedHashMap<>();
        Set<String> shared = new LinkedHashSet<>();
        for (int book = 0; book < osisIds.size(); book++) {
            for (String name : List.of(englishNames.get(book), spanishNames.get(book))) {
                String key;
                try {
                    key = BookNameMatcher.keyOf(name);
                } catch (IllegalArgumentException notAName) {
                    continue;
                }
                if (!isOneWord(name)) continue;
                int ordinal = BookNameMatcher.hasOrdinal(key) ? 1 : 0;
                for (int end = ordinal + MIN_PREFIX_LETTERS; end < key.length(); end++) {
                    String prefix = key.substring(0, end);
                    Integer previous = owner.putIfAbsent(prefix, book);
                    if (previous != null && previous != book) shared.add(prefix);
                }
            }
        }
        shared.forEach(owner::remove);
        owner.keySet().removeIf(prefix -> explicit.get(prefix) >= 0);
        return owner;
    }

    /** {@code Genesis} and {@code 1 Corinthians} are one word; {@code Song of Solomon} is not. */
    private static boolean isOneWord(String name) {
        String rest = name.strip();
        if (!rest.isEmpty() && TextChars.isDigit(rest.charAt(0))) rest = rest.substring(1).strip();
        return rest.indexOf(' ') < 0;
    }

    /** OSIS ids of every book in the catalogue, Old Testament, New Testament, then deuterocanon. */
    public List<String> osisIds() {
        return osisIds;
    }

    /** Whether the catalogue knows the OSIS id (exact, case-sensitive). */
    public boolean contains(String osisId) {
        return indexByOsis.containsKey(Objects.requireNonNull(osisId, "osisId"));
    }

    /** The English display name, such as {@code 1 Corinthians} for {@code 1Cor}. */
    public Optional<String> englishName(String osisId) {
        int i = indexOf(osisId);
        return i < 0 ? Optional.empty() : Optional.of(englishNames.get(i));
    }

    /** The Spanish display name, such as {@code 1 Corintios} for {@code 1Cor}. */
    public Optional<String> spanishName(String osisId) {
        int i = indexOf(osisId);
        return i < 0 ? Optional.empty() : Optional.of(spanishNames.get(i));
    }

    /**
     * A range of verses as readers write it, books named in the locale's language: "John 3:16",
     * "Juan 3:16-18", "Romans 8:38-9:1", "Ruth 4:22 – 1 Samuel 1:1".
     */
    public String label(VerseRef first, VerseRef last, Locale locale) {
        String start = nameIn(first.book(), locale).orElse(first.book()) + " " + first.chapter() + ":" + first.verse();
        if (first.equals(last)) return start;
        if (!last.book().equals(first.book())) {
            return start + " \u2013 " + nameIn(last.book(), locale).orElse(last.book()) + " " + last.chapter() + ":" + last.verse();
        }
        return start + "-" + (last.chapter() == first.chapter() ? "" : last.chapter() + ":") + last.verse();
    }

    /** The display name in the locale's language: Spanish for {@code es}, English otherwise. */
    public Optional<String> nameIn(String osisId, Locale locale) {
        Objects.requireNonNull(locale, "locale");
        return "es".equals(locale.getLanguage()) ? spanishName(osisId) : englishName(osisId);
    }

    /**
     * Every spelling the table lists for a book, the OSIS id and display names first; empty for
     * an unknown id. Unambiguous beginnings of names are accepted too but not listed.
     */
    public List<String> spellings(String osisId) {
        int i = indexOf(osisId);
        return i < 0 ? List.of() : spellings.get(i);
    }

    /**
     * The OSIS id of the book a name stands for: a display name, abbreviation or OSIS id in any
     * case, with or without accents and a final full stop ({@code "1 Co."} → {@code 1Cor}).
     */
    public Optional<String> lookup(String name) {
        String text = Objects.requireNonNull(name, "name").strip();
        if (text.isEmpty()) return Optional.empty();
        BookNameMatcher.Match match = new BookNameMatcher.Match();
        if (matcher.match(text, 0, match) != BookNameMatcher.FOUND) return Optional.empty();
        int end = match.end < text.length() && text.charAt(match.end) == '.' ? match.end + 1 : match.end;
        return end == text.length() ? Optional.of(osisIds.get(match.book)) : Optional.empty();
    }

    int size() {
        return osisIds.size();
    }

    /** Catalogue position of an OSIS id, or -1. */
    int indexOf(String osisId) {
        Integer i = indexByOsis.get(Objects.requireNonNull(osisId, "osisId"));
        return i == null ? -1 : i;
    }

    String osisId(int index) {
        return osisIds.get(index);
    }

    String englishName(int index) {
        return englishNames.get(index);
    }

    BookNameMatcher matcher() {
        return matcher;
    }

    FuzzyBookNames fuzzy() {
        return fuzzy;
    }

    /** A name as listed, its folded key, and the book it names. */
    record NameKey(String name, String key, int book) {
    }

    /**
     * Every spelling and name of every book, the other numbering's included, with its folded key:
     * what a misspelling is compared with. Display names that are no spelling ("Psalm 151") are left out.
     */
    List<NameKey> nameKeys() {
        List<NameKey> keys = new ArrayList<>();
        for (int book = 0; book < osisIds.size(); book++) {
            List<String> all = new ArrayList<>(spellings.get(book));
            all.addAll(renumbered.get(book));
            for (String name : all) {
                try {
                    keys.add(new NameKey(name, BookNameMatcher.keyOf(name), book));
                } catch (IllegalArgumentException notAName) {
                    // shown, never read
                }
            }
        }
        return keys;
    }
}
