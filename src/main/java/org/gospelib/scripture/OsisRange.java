package org.gospelib.scripture;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A contiguous stretch of scripture in OSIS terms: one book, chapter or verse, or a range
 * between two of the same granularity ({@code Gen}, {@code Rom.8}, {@code John.3.16},
 * {@code Gen-Exod}, {@code Rom.5-Rom.8}, {@code John.3.16-John.4.2}).
 *
 * <p>Both ends share one granularity; a range written with ends of different granularity
 * ({@code John 3-4:5}) is widened by the parser to the finer one ({@code John.3.1-John.4.5}).
 * A single book, chapter or verse has {@code start.equals(end)}.
 *
 * @param granularity what the ends address
 * @param start       first book, chapter or verse
 * @param end         last book, chapter or verse, not before {@code start}
 */
public record OsisRange(Granularity granularity, Point start, Point end) {

    /** What the ends of a range address. */
    public enum Granularity {
        /** Whole books: {@code Gen}. */
        BOOK,
        /** Whole chapters: {@code Rom.8}. */
        CHAPTER,
        /** Verses: {@code John.3.16}; verse 0 is a psalm title. */
        VERSE
    }

    /**
     * One end of a range. Numbers finer than the range's granularity are 0: a chapter point has
     * verse 0, a book point chapter and verse 0. At verse granularity verse 0 is a psalm title.
     *
     * @param book    OSIS book id
     * @param chapter chapter, from 1; 0 for a book
     * @param verse   verse, from 0 (title) at verse granularity; 0 otherwise
     */
    public record Point(String book, int chapter, int verse) {

        public Point {
            Objects.requireNonNull(book, "book");
            if (chapter < 0 || verse < 0) {
                throw new IllegalArgumentException("chapter and verse must be >= 0: " + chapter + ", " + verse);
            }
        }

        void appendOsis(StringBuilder out, Granularity granularity) {
            out.append(book);
            if (granularity == Granularity.BOOK) return;
            out.append('.').append(chapter);
            if (granularity == Granularity.VERSE) out.append('.').append(verse);
        }
    }

    public OsisRange {
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        requireShape(granularity, start);
        requireShape(granularity, end);
        if (start.book.equals(end.book) && compareWithinBook(start, end) > 0) {
            throw new IllegalArgumentException("range ends before it starts: " + start + " - " + end);
        }
    }

    private static void requireShape(Granularity granularity, Point point) {
        boolean fits = switch (granularity) {
            case BOOK -> point.chapter == 0 && point.verse == 0;
            case CHAPTER -> point.chapter >= 1 && point.verse == 0;
            case VERSE -> point.chapter >= 1;
        };
        if (!fits) throw new IllegalArgumentException(point + " is not a " + granularity + " point");
    }

    private static int compareWithinBook(Point a, Point b) {
        int byChapter = Integer.compare(a.chapter, b.chapter);
        return byChapter != 0 ? byChapter : Integer.compare(a.verse, b.verse);
    }

    /** A whole book. */
    public static OsisRange ofBook(String book) {
        Point p = new Point(book, 0, 0);
        return new OsisRange(Granularity.BOOK, p, p);
    }

    /** Whole books from {@code first} to {@code last}. */
    public static OsisRange ofBooks(String first, String last) {
        return new OsisRange(Granularity.BOOK, new Point(first, 0, 0), new Point(last, 0, 0));
    }

    /** A whole chapter. */
    public static OsisRange ofChapter(String book, int chapter) {
        Point p = new Point(book, chapter, 0);
        return new OsisRange(Granularity.CHAPTER, p, p);
    }

    /** Whole chapters of one book, {@code first} to {@code last}. */
    public static OsisRange ofChapters(String book, int first, int last) {
        return new OsisRange(Granularity.CHAPTER, new Point(book, first, 0), new Point(book, last, 0));
    }

    /** A single verse. */
    public static OsisRange ofVerse(VerseRef verse) {
        Point p = new Point(verse.book(), verse.chapter(), verse.verse());
        return new OsisRange(Granularity.VERSE, p, p);
    }

    /** Verses from {@code first} to {@code last}, possibly across chapters and books. */
    public static OsisRange ofVerses(VerseRef first, VerseRef last) {
        return new OsisRange(Granularity.VERSE,
                new Point(first.book(), first.chapter(), first.verse()),
                new Point(last.book(), last.chapter(), last.verse()));
    }

    /** Whether the range is one book, chapter or verse. */
    public boolean isSingle() {
        return start.equals(end);
    }

    /** The OSIS form: {@code John.3.16}, {@code Rom.5-Rom.8}, {@code Gen}. */
    public String osis() {
        StringBuilder out = new StringBuilder(24);
        appendOsis(out);
        return out.toString();
    }

    void appendOsis(StringBuilder out) {
        start.appendOsis(out, granularity);
        if (isSingle()) return;
        out.append('-');
        end.appendOsis(out, granularity);
    }

    /**
     * Reads a strict OSIS range such as {@code John.3.16-John.3.18}, {@code Rom.8} or
     * {@code Gen-Exod}: known OSIS book ids, both ends of the same granularity. Chapters and
     * verses are not checked against a versification; use {@link ReferenceParser} for that and
     * for anything people write.
     *
     * @throws ReferenceParseException if the text is not such a range
     */
    public static OsisRange parse(String osisRange) {
        return new OsisSyntax(Objects.requireNonNull(osisRange, "osisRange")).range();
    }

    /**
     * The verses the range covers, in order. A chapter or book stands for its verses from 1; a
     * psalm title (verse 0) is included only when the range starts at it explicitly. A range
     * across books includes the books between them in the versification's order.
     *
     * @throws IllegalArgumentException if the versification lacks a book, chapter or verse of the
     *                                  range, or orders its books the other way round
     */
    public List<VerseRef> verses(Versification versification) {
        int first = bookOrder(versification, start.book);
        int last = bookOrder(versification, end.book);
        if (first > last) throw new IllegalArgumentException(this + " runs backwards in " + versification.name());
        List<VerseRef> verses = new ArrayList<>();
        for (int b = first; b <= last; b++) {
            BookLayout layout = versification.books().get(b);
            boolean atStart = b == first && granularity != Granularity.BOOK;
            boolean atEnd = b == last && granularity != Granularity.BOOK;
            int firstChapter = atStart ? start.chapter : 1;
            int lastChapter = atEnd ? end.chapter : layout.chapterCount();
            requireChapter(versification, layout, firstChapter);
            requireChapter(versification, layout, lastChapter);
            for (int c = firstChapter; c <= lastChapter; c++) {
                int firstVerse = atStart && c == firstChapter && granularity == Granularity.VERSE ? start.verse : 1;
                int lastVerse = atEnd && c == lastChapter && granularity == Granularity.VERSE
                        ? end.verse
                        : layout.verseCount(c);
                if (lastVerse > layout.verseCount(c)) {
                    throw new IllegalArgumentException(this + ": " + layout.osisId() + " " + c + " has "
                            + layout.verseCount(c) + " verses in " + versification.name());
                }
                for (int v = firstVerse; v <= lastVerse; v++) verses.add(new VerseRef(layout.osisId(), c, v));
            }
        }
        return verses;
    }

    private int bookOrder(Versification versification, String book) {
        int order = versification.bookOrder(book);
        if (order == Integer.MAX_VALUE) throw new IllegalArgumentException(book + " is not in " + versification.name());
        return order;
    }

    private void requireChapter(Versification versification, BookLayout layout, int chapter) {
        if (chapter < 1 || chapter > layout.chapterCount()) {
            throw new IllegalArgumentException(this + ": " + layout.osisId() + " has " + layout.chapterCount()
                    + " chapters in " + versification.name());
        }
    }

    @Override
    public String toString() {
        return osis();
    }

    /** The strict OSIS grammar: {@code book[.chapter[.verse]][-book[.chapter[.verse]]]}. */
    private static final class OsisSyntax {
        private final String text;
        private int pos;
        /** Granularity of the point last read, as a {@link Granularity} ordinal. */
        private int level;

        OsisSyntax(String text) {
            this.text = text;
        }

        OsisRange range() {
            Point start = point();
            int startLevel = level;
            Point end = start;
            if (pos < text.length() && text.charAt(pos) == '-') {
                pos++;
                end = point();
                if (level != startLevel) {
                    throw error(0, text.length(), "both ends of an OSIS range must have the same granularity");
                }
            }
            if (pos < text.length()) throw error(pos, text.length(), "\"" + text.substring(pos) + "\" is not OSIS");
            Granularity granularity = Granularity.values()[startLevel];
            if (start.book.equals(end.book) && compareWithinBook(start, end) > 0) {
                throw error(0, text.length(), "\"" + text + "\" ends before it starts");
            }
            return new OsisRange(granularity, start, end);
        }

        private Point point() {
            int bookStart = pos;
            while (pos < text.length() && isIdChar(text.charAt(pos))) pos++;
            String book = text.substring(bookStart, pos);
            if (book.isEmpty()) {
                throw error(bookStart, Math.min(bookStart + 1, text.length()), "an OSIS book id is missing");
            }
            if (!BookNames.standard().contains(book)) {
                throw error(bookStart, pos, "\"" + book + "\" is not an OSIS book id");
            }
            level = 0;
            int chapter = 0;
            int verse = 0;
            if (pos < text.length() && text.charAt(pos) == '.') {
                pos++;
                chapter = number();
                if (chapter < 1) throw error(pos - 1, pos, "chapters are numbered from 1");
                level = 1;
                if (pos < text.length() && text.charAt(pos) == '.') {
                    pos++;
                    verse = number();
                    level = 2;
                }
            }
            return new Point(book, chapter, verse);
        }

        private int number() {
            int from = pos;
            while (pos < text.length() && TextChars.isDigit(text.charAt(pos))) pos++;
            if (pos == from || pos - from > 9) {
                int to = Math.max(pos, Math.min(from + 1, text.length()));
                throw error(from, to, "a chapter or verse number is expected");
            }
            return Integer.parseInt(text, from, pos, 10);
        }

        private static boolean isIdChar(char c) {
            return TextChars.isDigit(c) || (c < 128 && TextChars.isLetter(c));
        }

        private ReferenceParseException error(int from, int to, String reason) {
            return new ReferenceParseException(text, from, text.substring(from, to), reason);
        }
    }
}
