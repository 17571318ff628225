package org.gospelib.scripture.bench;

import java.util.function.Function;

/**
 * A stretch of scripture the generator chose, which knows both its expected OSIS and how to write
 * itself as a reader would. Every expected answer of the suite comes from one of these, never from
 * the parser. The book name is supplied when writing, by a function from OSIS id to a spelling,
 * so that one passage can be written with a full name, an abbreviation or a misspelling.
 */
sealed interface Passage {

    /** The expected normalised OSIS, following the parser's documented conventions. */
    String osis();

    /** The passage as text: {@code names} spells each book, {@code notation} the punctuation. */
    String write(Function<String, String> names, Notation notation);

    /** The book the passage starts in. */
    String book();

    /**
     * The punctuation of a written reference.
     *
     * @param gap          between the book name and the first number
     * @param chapterVerse between chapter and verse
     * @param dash         between the ends of a range
     * @param comma        before a further verse (or chapter) of a list
     * @param semicolon    before a further chapter of a list
     */
    record Notation(String gap, String chapterVerse, String dash, String comma, String semicolon) {
        static final Notation PLAIN = new Notation(" ", ":", "-", ", ", "; ");

        Notation withGap(String newGap) {
            return new Notation(newGap, chapterVerse, dash, comma, semicolon);
        }

        Notation withDash(String newDash) {
            return new Notation(gap, chapterVerse, newDash, comma, semicolon);
        }

        Notation withChapterVerse(String separator) {
            return new Notation(gap, separator, dash, comma, semicolon);
        }
    }

    static String osisVerse(String book, int chapter, int verse) {
        return book + "." + chapter + "." + verse;
    }

    static String osisChapter(String book, int chapter) {
        return book + "." + chapter;
    }

    /** {@code Gen}: the whole book. */
    record WholeBook(String book) implements Passage {
        public String osis() {
            return book;
        }

        public String write(Function<String, String> names, Notation n) {
            return names.apply(book);
        }
    }

    /** {@code Rom 8}. Never for single-chapter books, where a lone number is a verse. */
    record Chapter(String book, int chapter) implements Passage {
        public String osis() {
            return osisChapter(book, chapter);
        }

        public String write(Function<String, String> names, Notation n) {
            return names.apply(book) + n.gap() + chapter;
        }
    }

    /** {@code Rom 5-8}. */
    record Chapters(String book, int first, int last) implements Passage {
        public String osis() {
            return osisChapter(book, first) + "-" + osisChapter(book, last);
        }

        public String write(Function<String, String> names, Notation n) {
            return names.apply(book) + n.gap() + first + n.dash() + last;
        }
    }

    /** {@code John 3:16}; in a single-chapter book {@code Jude 5} or {@code Jude 1:5}. */
    record Verse(String book, int chapter, int verse, boolean chapterWritten) implements Passage {
        public String osis() {
            return osisVerse(book, chapter, verse);
        }

        public String write(Function<String, String> names, Notation n) {
            return names.apply(book) + n.gap() + (chapterWritten ? chapter + n.chapterVerse() : "") + verse;
        }
    }

    /** {@code John 3:16-18}; in a single-chapter book {@code Jude 3-5} or {@code Jude 1:3-5}. */
    record Verses(String book, int chapter, int first, int last, boolean chapterWritten) implements Passage {
        public String osis() {
            return osisVerse(book, chapter, first) + "-" + osisVerse(book, chapter, last);
        }

        public String write(Function<String, String> names, Notation n) {
            return names.apply(book) + n.gap() + (chapterWritten ? chapter + n.chapterVerse() : "") + first
                    + n.dash() + last;
        }
    }

    /** {@code John 3:16-4:2}. */
    record AcrossChapters(String book, int chapter, int verse, int endChapter, int endVerse) implements Passage {
        public String osis() {
            return osisVerse(book, chapter, verse) + "-" + osisVerse(book, endChapter, endVerse);
        }

        public String write(Function<String, String> names, Notation n) {
            return names.apply(book) + n.gap() + chapter + n.chapterVerse() + verse + n.dash() + endChapter
                    + n.chapterVerse() + endVerse;
        }
    }

    /** {@code Gen 1-2:3}: ends of different granularity, widened to verses from verse 1. */
    record ChapterToVerse(String book, int chapter, int endChapter, int endVerse) implements Passage {
        public String osis() {
            return osisVerse(book, chapter, 1) + "-" + osisVerse(book, endChapter, endVerse);
        }

        public String write(Function<String, String> names, Notation n) {
            return names.apply(book) + n.gap() + chapter + n.dash() + endChapter + n.chapterVerse() + endVerse;
        }
    }

    /**
     * {@code John 3:16, 18; 4:1} and its shorter forms: a verse or verse range, optionally a
     * further verse of the same chapter after a comma, optionally a verse of another chapter after
     * a semicolon.
     *
     * @param rangeEnd    end of the first range, or 0 for a single verse
     * @param second      a further verse of {@code chapter}, or 0
     * @param nextChapter another chapter, or 0
     * @param nextVerse   the verse of {@code nextChapter}
     */
    record VerseList(String book, int chapter, int verse, int rangeEnd, int second, int nextChapter, int nextVerse)
            implements Passage {
        public String osis() {
            StringBuilder osis = new StringBuilder(osisVerse(book, chapter, verse));
            if (rangeEnd > 0) osis.append('-').append(osisVerse(book, chapter, rangeEnd));
            if (second > 0) osis.append(',').append(osisVerse(book, chapter, second));
            if (nextChapter > 0) osis.append(',').append(osisVerse(book, nextChapter, nextVerse));
            return osis.toString();
        }

        public String write(Function<String, String> names, Notation n) {
            StringBuilder text = new StringBuilder(names.apply(book)).append(n.gap())
                    .append(chapter).append(n.chapterVerse()).append(verse);
            if (rangeEnd > 0) text.append(n.dash()).append(rangeEnd);
            if (second > 0) text.append(n.comma()).append(second);
            if (nextChapter > 0) text.append(n.semicolon()).append(nextChapter).append(n.chapterVerse()).append(nextVerse);
            return text.toString();
        }
    }

    /** {@code Ps 23; 91} or {@code Rom 8, 12}: after a chapter a lone number is a chapter. */
    record ChapterList(String book, int first, int second, boolean semicolon) implements Passage {
        public String osis() {
            return osisChapter(book, first) + "," + osisChapter(book, second);
        }

        public String write(Function<String, String> names, Notation n) {
            return names.apply(book) + n.gap() + first + (semicolon ? n.semicolon() : n.comma()) + second;
        }
    }

    /**
     * {@code Matt 28:20-Mark 1:3} or, with verse 0 at both ends, {@code Gen 50 - Exod 2}.
     */
    record AcrossBooks(String book, int chapter, int verse, String endBook, int endChapter, int endVerse)
            implements Passage {
        boolean chapters() {
            return verse == 0;
        }

        public String osis() {
            return chapters()
                    ? osisChapter(book, chapter) + "-" + osisChapter(endBook, endChapter)
                    : osisVerse(book, chapter, verse) + "-" + osisVerse(endBook, endChapter, endVerse);
        }

        public String write(Function<String, String> names, Notation n) {
            String start = names.apply(book) + n.gap() + chapter + (chapters() ? "" : n.chapterVerse() + verse);
            String end = names.apply(endBook) + n.gap() + endChapter + (chapters() ? "" : n.chapterVerse() + endVerse);
            return start + n.dash() + end;
        }
    }
}
