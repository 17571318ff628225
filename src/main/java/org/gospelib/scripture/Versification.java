package org.gospelib.scripture;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A versification system: which books a Bible has, in what order, and how many verses each
 * chapter holds. The tables are SWORD's own systems (KJV, NRSVA, Vulg, …), exported as data so
 * that any SWORD module can be laid out without the SWORD library. KJV is GospeLib's reference
 * numbering.
 */
public final class Versification {

    private static final Map<String, Versification> LOADED = new ConcurrentHashMap<>();
    private static final java.util.regex.Pattern SAFE_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9]{1,20}");

    private final String name;
    private final List<BookLayout> books;
    private final Map<String, Integer> orderByBook;
    private final int[] firstOrdinalOfBook;
    private final int verseTotal;

    private Versification(String name, List<BookLayout> books) {
        this.name = name;
        this.books = List.copyOf(books);
        this.orderByBook = new HashMap<>();
        this.firstOrdinalOfBook = new int[books.size()];
        int ordinal = 0;
        for (int i = 0; i < books.size(); i++) {
            orderByBook.put(books.get(i).osisId(), i);
            firstOrdinalOfBook[i] = ordinal;
            ordinal += books.get(i).totalVerses();
        }
        this.verseTotal = ordinal;
    }

    private static final class Reference {
        static final Versification KJV = named("KJV").orElseThrow();
    }

    /** The reference numbering. */
    public static Versification kjv() {
        return Reference.KJV;
    }

    /** A system by its SWORD name ({@code KJV}, {@code NRSVA}, …), if GospeLib knows it. */
    public static Optional<Versification> named(String name) {
        Versification known = LOADED.get(name);
        if (known != null) return Optional.of(known);
        if (!SAFE_NAME.matcher(name).matches()) return Optional.empty();
        Optional<Versification> loaded = load(name);
        loaded.ifPresent(v -> LOADED.putIfAbsent(name, v));
        return loaded;
    }

    private static Optional<Versification> load(String name) {
        InputStream in = Versification.class.getResourceAsStream("versification/" + name + ".v11n");
        if (in == null) return Optional.empty();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<BookLayout> books = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] cols = line.split("\t");
                List<Integer> verses = Arrays.stream(cols[2].split(",")).map(Integer::valueOf).toList();
                books.add(new BookLayout(cols[0], Testament.valueOf(cols[1]), verses));
            }
            return Optional.of(new Versification(name, books));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read versification " + name, e);
        }
    }

    public String name() {
        return name;
    }

    /**
     * SWORD's mapping of this system's verses onto KJV numbering, only where they differ: a
     * verse of this system and the KJV verse or verses it corresponds to. Empty for KJV and for
     * systems SWORD maps by identity.
     */
    public Map<VerseRef, List<VerseRef>> mappingToKjv() {
        Map<VerseRef, List<VerseRef>> mapping = new java.util.LinkedHashMap<>();
        InputStream in = Versification.class.getResourceAsStream("versification/" + name + ".to-kjv");
        if (in == null) return Map.of();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] cols = line.split("\t");
                mapping.put(VerseRef.parseOsis(cols[0]), expand(cols[1]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the KJV mapping of " + name, e);
        }
        return java.util.Collections.unmodifiableMap(mapping);
    }

    /** {@code Ps.11.0-1} → Ps.11.0, Ps.11.1. */
    private static List<VerseRef> expand(String target) {
        int dash = target.indexOf('-');
        if (dash < 0) return List.of(VerseRef.parseOsis(target));
        VerseRef first = VerseRef.parseOsis(target.substring(0, dash));
        int last = Integer.parseInt(target.substring(dash + 1));
        List<VerseRef> verses = new ArrayList<>();
        for (int v = first.verse(); v <= last; v++) verses.add(new VerseRef(first.book(), first.chapter(), v));
        return verses;
    }

    public List<BookLayout> books() {
        return books;
    }

    public Optional<BookLayout> book(String osisId) {
        Integer i = orderByBook.get(osisId);
        return i == null ? Optional.empty() : Optional.of(books.get(i));
    }

    /**
     * The book a reader's name for it stands for, if this system has it: its OSIS id, or any
     * spelling {@link BookNames#standard()} knows ({@code Jn}, {@code 1 Co.}, {@code Salmos}).
     * Names longer than any book's are refused without a lookup.
     */
    public Optional<BookLayout> bookNamed(String name) {
        if (name.isBlank() || name.length() > 40) return Optional.empty();
        Optional<BookLayout> exact = book(name);
        if (exact.isPresent()) return exact;
        try {
            return BookNames.standard().lookup(name).flatMap(this::book);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Position of the book in this system's order, or {@link Integer#MAX_VALUE} if absent. */
    public int bookOrder(String osisId) {
        return orderByBook.getOrDefault(osisId, Integer.MAX_VALUE);
    }

    public boolean contains(VerseRef ref) {
        return book(ref.book()).map(b -> ref.verse() >= 1 && ref.verse() <= b.verseCount(ref.chapter())).orElse(false);
    }

    /** Total number of verses (not counting titles or headings). */
    public int verseTotal() {
        return verseTotal;
    }

    /**
     * The 0-based position of a verse in canonical order, usable as an array index.
     *
     * @throws IllegalArgumentException if the verse does not exist in this system
     */
    public int ordinal(VerseRef ref) {
        Integer b = orderByBook.get(ref.book());
        if (b == null || !contains(ref)) throw new IllegalArgumentException(ref + " is not in " + name);
        BookLayout layout = books.get(b);
        int ordinal = firstOrdinalOfBook[b];
        for (int c = 1; c < ref.chapter(); c++) ordinal += layout.verseCount(c);
        return ordinal + ref.verse() - 1;
    }

    /** The verse at a canonical position; inverse of {@link #ordinal(VerseRef)}. */
    public VerseRef verseAt(int ordinal) {
        if (ordinal < 0 || ordinal >= verseTotal) throw new IndexOutOfBoundsException(ordinal);
        int b = Arrays.binarySearch(firstOrdinalOfBook, ordinal);
        if (b < 0) b = -b - 2;
        while (b + 1 < firstOrdinalOfBook.length && firstOrdinalOfBook[b + 1] == ordinal) b++;
        BookLayout layout = books.get(b);
        int rest = ordinal - firstOrdinalOfBook[b];
        int chapter = 1;
        while (rest >= layout.verseCount(chapter)) rest -= layout.verseCount(chapter++);
        return new VerseRef(layout.osisId(), chapter, rest + 1);
    }

    @Override
    public String toString() {
        return "Versification[" + name + "]";
    }
}
