package org.gospelib.ingest.internal.sword;

import java.util.Objects;

import org.gospelib.scripture.Testament;
import org.gospelib.scripture.VerseRef;

/**
 * The key of one slot of a verse-keyed SWORD module. Besides verses, SWORD keeps a module
 * heading, one heading per testament, one introduction per book ({@code Genesis 0:0}) and one
 * heading per chapter ({@code Genesis 1:0}); each may hold markup.
 */
public sealed interface EntryKey {

    /** A compact, stable label: {@code [module]}, {@code [OT]}, {@code Gen.0}, {@code Gen.1.0}, {@code Gen.1.1}. */
    String label();

    /** The slot before the first testament: module-wide front matter. */
    record ModuleHeading() implements EntryKey {
        @Override
        public String label() {
            return "[module]";
        }
    }

    /** The slot before a testament's first book. */
    record TestamentHeading(Testament testament) implements EntryKey {
        public TestamentHeading {
            Objects.requireNonNull(testament, "testament");
        }

        @Override
        public String label() {
            return "[" + testament + "]";
        }
    }

    /** The slot before a book's first chapter ({@code Book 0:0}): book titles and introduction. */
    record BookIntro(String book) implements EntryKey {
        public BookIntro {
            Objects.requireNonNull(book, "book");
        }

        @Override
        public String label() {
            return book + ".0";
        }
    }

    /** The slot before a chapter's first verse ({@code Book C:0}). */
    record ChapterHeading(String book, int chapter) implements EntryKey {
        public ChapterHeading {
            Objects.requireNonNull(book, "book");
            if (chapter < 1) throw new IllegalArgumentException("chapter must be >= 1: " + chapter);
        }

        @Override
        public String label() {
            return book + "." + chapter + ".0";
        }
    }

    /** A verse, numbered from 1. */
    record Verse(VerseRef ref) implements EntryKey {
        public Verse {
            Objects.requireNonNull(ref, "ref");
            if (ref.verse() < 1) throw new IllegalArgumentException("a verse slot is numbered from 1: " + ref);
        }

        @Override
        public String label() {
            return ref.osis();
        }
    }
}
