package org.gospelib.content.internal.corpus;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gospelib.content.TranslationInfo;
import org.gospelib.scripture.VerseRef;
import org.gospelib.scripture.Versification;

/**
 * One translation held in memory, indexed by KJV verse ordinal so that a parallel view is an
 * array lookup per translation. Verses outside KJV numbering (deuterocanonical books, a verse
 * split in two) are kept by their native reference.
 */
public final class TranslationSnapshot {

    private final TranslationInfo info;
    private final List<BookInfo> books;
    private final Map<String, BookInfo> booksById;
    private final VerseEntry[] byKjvOrdinal;
    private final Map<VerseRef, VerseEntry> byNativeRef;
    private final String contentDigest;

    public TranslationSnapshot(TranslationInfo info, List<BookInfo> books, VerseEntry[] byKjvOrdinal,
            Map<VerseRef, VerseEntry> byNativeRef) {
        this(info, books, byKjvOrdinal, byNativeRef, digest(info, byKjvOrdinal, byNativeRef));
    }

    /** A translation whose content digest was computed before (kept in the snapshot file). */
    public TranslationSnapshot(TranslationInfo info, List<BookInfo> books, VerseEntry[] byKjvOrdinal,
            Map<VerseRef, VerseEntry> byNativeRef, String contentDigest) {
        this.info = info;
        this.books = List.copyOf(books);
        this.booksById = books.stream().collect(java.util.stream.Collectors.toUnmodifiableMap(BookInfo::osisId, b -> b));
        this.byKjvOrdinal = byKjvOrdinal;
        this.byNativeRef = Map.copyOf(byNativeRef);
        this.contentDigest = contentDigest;
    }

    /** SHA-256 over the verses' JSON, native references in canonical order, then the KJV alignment. */
    private static String digest(TranslationInfo info, VerseEntry[] byKjv, Map<VerseRef, VerseEntry> byNative) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            sha.update((info.id() + "|" + info.versification() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            for (VerseRef ref : byNative.keySet().stream().sorted().toList()) {
                sha.update((ref.osis() + "\t").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update(byNative.get(ref).json());
                sha.update((byte) '\n');
            }
            for (VerseEntry entry : byKjv) {
                sha.update((entry == null ? "-" : entry.nativeRef().osis()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return java.util.HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every verse the translation has, by its own numbering. */
    public Map<VerseRef, VerseEntry> byNativeRef() {
        return byNativeRef;
    }

    public String contentDigest() {
        return contentDigest;
    }

    public TranslationInfo info() {
        return info;
    }

    public String id() {
        return info.id();
    }

    public List<BookInfo> books() {
        return books;
    }

    public Optional<BookInfo> book(String osisId) {
        return Optional.ofNullable(booksById.get(osisId));
    }

    /** The translation's verse for a KJV-numbered verse, wherever the translation numbers it. */
    public Optional<VerseEntry> atKjv(VerseRef kjvRef) {
        if (kjvRef.verse() == 0 || !Versification.kjv().contains(kjvRef)) return byNative(kjvRef);
        return Optional.ofNullable(byKjvOrdinal[Versification.kjv().ordinal(kjvRef)]);
    }

    /** Verses in KJV order, each native verse once (at the first KJV place that shows it). */
    public java.util.stream.Stream<java.util.Map.Entry<VerseRef, VerseEntry>> inKjvOrder() {
        Versification kjv = Versification.kjv();
        java.util.stream.Stream.Builder<java.util.Map.Entry<VerseRef, VerseEntry>> verses = java.util.stream.Stream.builder();
        VerseRef previous = null;
        for (int i = 0; i < byKjvOrdinal.length; i++) {
            VerseEntry entry = byKjvOrdinal[i];
            if (entry == null || entry.nativeRef().equals(previous)) continue;
            previous = entry.nativeRef();
            verses.add(java.util.Map.entry(kjv.verseAt(i), entry));
        }
        return verses.build();
    }

    /** The translation's verses by KJV ordinal, null where it has none; not to be modified. */
    public VerseEntry[] byKjvOrdinal() {
        return byKjvOrdinal;
    }

    /** A verse by the translation's own numbering, for books and verses KJV does not have. */
    public Optional<VerseEntry> byNative(VerseRef nativeRef) {
        return Optional.ofNullable(byNativeRef.get(nativeRef));
    }
}
