package org.gospelib.ingest.internal;

import java.util.List;
import org.gospelib.scripture.Testament;
import org.gospelib.scripture.VerseContent;
import org.gospelib.scripture.VerseRef;

/**
 * Everything ingest stores for one translation, ready to replace the previous version in one
 * transaction.
 */
record TranslationImage(Meta meta, List<Book> books, List<Verse> verses, List<Alignment> alignments) {

    TranslationImage {
        books = List.copyOf(books);
        verses = List.copyOf(verses);
        alignments = List.copyOf(alignments);
    }

    record Meta(String id, String module, String name, String language, String license, String versification,
            String moduleVersion, String checksum, int parserVersion) {
    }

    record Book(String osisId, int position, String name, String longName, String abbreviation, Testament testament,
            int chapterCount, int verseCount) {
    }

    record Verse(VerseRef ref, VerseContent content) {
    }

    /** A KJV verse whose text sits at another native slot; {@code nativeRef} empty when nowhere. */
    record Alignment(VerseRef kjvRef, java.util.Optional<VerseRef> nativeRef, String reason) {
    }
}
