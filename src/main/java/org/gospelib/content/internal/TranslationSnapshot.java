package org.gospelib.content.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gospelib.content.TranslationInfo;
import org.gospelib.scripture.VerseContent;
import org.gospelib.scripture.VerseRef;
import org.gospelib.scripture.Versification;

/**
 * One translation held in memory, indexed by KJV verse ordinal so that a parallel view is an
 * array lookup per translation. Verses outside KJV numbering (deuterocanonical books, a verse
 * split in two) are kept by their native reference.
 */
final class TranslationSnapshot {

    private final TranslationInfo info;
    private final List<BookInfo> books;
    private final Map<String, BookInfo> booksById;
    private final VerseContent[] byKjvOrdinal;
    private final VerseRef[] nativeRefByKjvOrdinal;
    private final Map<VerseRef, VerseContent> byNativeRef;

    TranslationSnapshot(TranslationInfo info, List<BookInfo> books, VerseContent[] byKjvOrdinal,
            VerseRef[] nativeRefByKjvOrdinal, Map<VerseRef, VerseContent> byNativeRef) {
        this.info = info;
        this.books = List.copyOf(books);
        this.booksById = books.stream().collect(java.util.stream.Collectors.toUnmodifiableMap(BookInfo::osisId, b -> b));
        this.byKjvOrdinal = byKjvOrdinal;
        this.nativeRefByKjvOrdinal = nativeRefByKjvOrdinal;
        this.byNativeRef = Map.copyOf(byNativeRef);
    }

    TranslationInfo info() {
        return info;
    }

    String id() {
        return info.id();
    }

    List<BookInfo> books() {
        return books;
    }

    Optional<BookInfo> book(String osisId) {
        return Optional.ofNullable(booksById.get(osisId));
    }

    /** The translation's verse for a KJV verse, with the native reference it came from. */
    Optional<AlignedVerse> atKjv(VerseRef kjvRef) {
        if (kjvRef.verse() == 0 || !Versification.kjv().contains(kjvRef)) return byNative(kjvRef);
        int ordinal = Versification.kjv().ordinal(kjvRef);
        VerseContent content = byKjvOrdinal[ordinal];
        return content == null ? Optional.empty() : Optional.of(new AlignedVerse(nativeRefByKjvOrdinal[ordinal], content));
    }

    /** A verse by the translation's own numbering, for books and verses KJV does not have. */
    Optional<AlignedVerse> byNative(VerseRef nativeRef) {
        VerseContent content = byNativeRef.get(nativeRef);
        return content == null ? Optional.empty() : Optional.of(new AlignedVerse(nativeRef, content));
    }

    /** A verse's content and where the translation numbers it. */
    record AlignedVerse(VerseRef nativeRef, VerseContent content) {
    }
}
