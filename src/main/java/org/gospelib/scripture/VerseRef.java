package org.gospelib.scripture;

import java.util.Objects;

/**
 * One verse, addressed by OSIS book id, chapter and verse ({@code John.3.16}). Verse 0 stands
 * for a psalm title (the superscription that precedes verse 1 in the Hebrew tradition).
 *
 * @param book    OSIS book id, such as {@code Gen} or {@code 1John}
 * @param chapter chapter number, from 1
 * @param verse   verse number, from 0 (title) or 1
 */
public record VerseRef(String book, int chapter, int verse) implements Comparable<VerseRef> {

    public VerseRef {
        Objects.requireNonNull(book, "book");
        if (chapter < 1) throw new IllegalArgumentException("chapter must be >= 1: " + chapter);
        if (verse < 0) throw new IllegalArgumentException("verse must be >= 0: " + verse);
    }

    /*
     * Written out rather than generated: a record's generated equals and hashCode run through
     * method handles, which are slow until the JIT compiles them, and a start indexes some
     * hundred thousand verses by reference before that (half a second of a restart, measured).
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof VerseRef ref && chapter == ref.chapter && verse == ref.verse && book.equals(ref.book);
    }

    @Override
    public int hashCode() {
        return (book.hashCode() * 31 + chapter) * 31 + verse;
    }

    public static VerseRef of(String book, int chapter, int verse) {
        return new VerseRef(book, chapter, verse);
    }

    /**
     * Parses a strict OSIS verse id such as {@code John.3.16}.
     *
     * @throws IllegalArgumentException if the text is not of that form
     */
    public static VerseRef parseOsis(String osis) {
        int second = osis.lastIndexOf('.');
        int first = second > 0 ? osis.lastIndexOf('.', second - 1) : -1;
        if (first <= 0) throw new IllegalArgumentException("not an OSIS verse id: " + osis);
        try {
            return new VerseRef(osis.substring(0, first),
                    Integer.parseInt(osis.substring(first + 1, second)),
                    Integer.parseInt(osis.substring(second + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an OSIS verse id: " + osis, e);
        }
    }

    /** The OSIS id, {@code John.3.16}. */
    public String osis() {
        return book + '.' + chapter + '.' + verse;
    }

    /** Orders by canonical position in the KJV book order, then chapter and verse. */
    @Override
    public int compareTo(VerseRef other) {
        int byBook = Integer.compare(Versification.kjv().bookOrder(book), Versification.kjv().bookOrder(other.book));
        if (byBook == 0) byBook = book.compareTo(other.book);
        if (byBook != 0) return byBook;
        int byChapter = Integer.compare(chapter, other.chapter);
        return byChapter != 0 ? byChapter : Integer.compare(verse, other.verse);
    }

    @Override
    public String toString() {
        return osis();
    }
}
