package org.gospelib.scripture.bench;

import java.util.Random;
import org.gospelib.scripture.BookLayout;
import org.gospelib.scripture.Versification;

/**
 * Chooses passages that exist: chapters and verses are drawn from the KJV numbering (KJVA for the
 * deuterocanonical books), the reference data the parser checks against, so that every expected
 * answer is a valid reference.
 */
final class Passages {

    /** The shapes of reference a category may ask for. */
    enum Shape {
        BOOK, CHAPTER, CHAPTERS, VERSE, VERSES, ACROSS_CHAPTERS, CHAPTER_TO_VERSE, VERSE_LIST, CHAPTER_LIST,
        ACROSS_BOOKS
    }

    /**
     * How often each shape is drawn, as weights in {@link Shape} order.
     */
    record Mix(int... weights) {
        Mix {
            if (weights.length != Shape.values().length) throw new IllegalArgumentException("one weight per shape");
        }

        /** What people write most: single verses, short ranges, chapters, a few lists. */
        static final Mix EVERYDAY = new Mix(3, 15, 8, 30, 20, 7, 2, 8, 4, 3);
        /** Simple references only, for categories about the book name. */
        static final Mix SIMPLE = new Mix(5, 20, 8, 40, 22, 5, 0, 0, 0, 0);

        Shape draw(Random random) {
            int total = 0;
            for (int w : weights) total += w;
            int roll = random.nextInt(total);
            for (Shape shape : Shape.values()) {
                roll -= weights[shape.ordinal()];
                if (roll < 0) return shape;
            }
            throw new AssertionError();
        }
    }

    private static final Versification KJVA = Versification.named("KJVA").orElseThrow();

    private Passages() {
    }

    static BookLayout layout(String osis) {
        return KJVA.book(osis).orElseThrow(() -> new IllegalArgumentException(osis + " is not in KJVA"));
    }

    static boolean singleChapter(String osis) {
        return layout(osis).chapterCount() == 1;
    }

    static Passage draw(String book, Mix mix, Random random) {
        return make(mix.draw(random), book, random);
    }

    /**
     * A passage of the given shape in {@code book}. Single-chapter books have no chapter shapes:
     * those become verse ranges, so that a lone number always stands for a verse there.
     */
    static Passage make(Shape shape, String book, Random random) {
        BookLayout layout = layout(book);
        boolean single = layout.chapterCount() == 1;
        if (single && shape != Shape.BOOK && shape != Shape.VERSE) shape = Shape.VERSES;
        return switch (shape) {
            case BOOK -> new Passage.WholeBook(book);
            case CHAPTER -> new Passage.Chapter(book, chapter(layout, random));
            case CHAPTERS -> chapters(layout, random);
            case VERSE -> verse(layout, random);
            case VERSES -> verses(layout, random);
            case ACROSS_CHAPTERS -> acrossChapters(layout, random);
            case CHAPTER_TO_VERSE -> chapterToVerse(layout, random);
            case VERSE_LIST -> verseList(layout, random);
            case CHAPTER_LIST -> chapterList(layout, random);
            case ACROSS_BOOKS -> acrossBooks(layout, random);
        };
    }

    static int chapter(BookLayout layout, Random random) {
        return 1 + random.nextInt(layout.chapterCount());
    }

    static int verse(BookLayout layout, int chapter, Random random) {
        return 1 + random.nextInt(layout.verseCount(chapter));
    }

    /** A chapter and a verse of it that is not its last, for ranges starting there. */
    static int[] verseBeforeLast(BookLayout layout, Random random) {
        int chapter = chapter(layout, random);
        return new int[] {chapter, 1 + random.nextInt(layout.verseCount(chapter) - 1)};
    }

    static Passage verse(BookLayout layout, Random random) {
        int chapter = chapter(layout, random);
        boolean single = layout.chapterCount() == 1;
        return new Passage.Verse(layout.osisId(), chapter, verse(layout, chapter, random),
                !single || random.nextInt(5) < 2);
    }

    /** Ranges people write are short: at most eight verses past the first. */
    static Passage verses(BookLayout layout, Random random) {
        int[] start = verseBeforeLast(layout, random);
        int room = layout.verseCount(start[0]) - start[1];
        int last = start[1] + 1 + random.nextInt(Math.min(room, 8));
        boolean single = layout.chapterCount() == 1;
        return new Passage.Verses(layout.osisId(), start[0], start[1], last, !single || random.nextInt(5) < 2);
    }

    private static Passage chapters(BookLayout layout, Random random) {
        int first = 1 + random.nextInt(layout.chapterCount() - 1);
        int last = first + 1 + random.nextInt(Math.min(layout.chapterCount() - first, 5));
        return new Passage.Chapters(layout.osisId(), first, last);
    }

    private static Passage acrossChapters(BookLayout layout, Random random) {
        int chapter = 1 + random.nextInt(layout.chapterCount() - 1);
        int endChapter = chapter + 1 + random.nextInt(Math.min(layout.chapterCount() - chapter, 2));
        return new Passage.AcrossChapters(layout.osisId(), chapter, verse(layout, chapter, random),
                endChapter, verse(layout, endChapter, random));
    }

    private static Passage chapterToVerse(BookLayout layout, Random random) {
        int chapter = 1 + random.nextInt(layout.chapterCount() - 1);
        int endChapter = chapter + 1 + random.nextInt(Math.min(layout.chapterCount() - chapter, 2));
        return new Passage.ChapterToVerse(layout.osisId(), chapter, endChapter, verse(layout, endChapter, random));
    }

    /**
     * Verses of a list ascend within the chapter, as people write them; the other chapter is a later
     * one, or an earlier one after the book's last chapter.
     */
    private static Passage verseList(BookLayout layout, Random random) {
        int chapter = chapter(layout, random);
        int count = layout.verseCount(chapter);
        int form = count >= 3 ? random.nextInt(4) : 0;
        int verse = 1 + random.nextInt(count - 1);
        int rangeEnd = 0;
        int second = verse + 1 + random.nextInt(count - verse);
        if (form == 1) { // 3:16-18, 21
            rangeEnd = second;
            if (rangeEnd == count) {
                rangeEnd = 0;
            } else {
                second = rangeEnd + 1 + random.nextInt(count - rangeEnd);
            }
        }
        int nextChapter = 0;
        int nextVerse = 0;
        if (form >= 2 && layout.chapterCount() > 1) { // 3:16; 4:1 and 3:16, 18; 4:1
            nextChapter = chapter == layout.chapterCount()
                    ? 1 + random.nextInt(chapter - 1)
                    : chapter + 1 + random.nextInt(layout.chapterCount() - chapter);
            nextVerse = verse(layout, nextChapter, random);
            if (form == 2) second = 0;
        }
        return new Passage.VerseList(layout.osisId(), chapter, verse, rangeEnd, second, nextChapter, nextVerse);
    }

    private static Passage chapterList(BookLayout layout, Random random) {
        int first = 1 + random.nextInt(layout.chapterCount() - 1);
        int second = first + 1 + random.nextInt(layout.chapterCount() - first);
        return new Passage.ChapterList(layout.osisId(), first, second, random.nextBoolean());
    }

    /**
     * From the end of a book into the beginning of the next, as in {@code Matt 28:20-Mark 1:3};
     * when the next book has a single chapter (or there is none) a range across chapters instead.
     */
    private static Passage acrossBooks(BookLayout layout, Random random) {
        int index = Spellings.PROTESTANT_CANON.indexOf(layout.osisId());
        if (index < 0 || index + 1 == Spellings.PROTESTANT_CANON.size()) return acrossChapters(layout, random);
        BookLayout next = layout(Spellings.PROTESTANT_CANON.get(index + 1));
        if (next.chapterCount() == 1) return acrossChapters(layout, random);
        int chapter = layout.chapterCount() - random.nextInt(Math.min(2, layout.chapterCount()));
        int endChapter = 1 + random.nextInt(Math.min(3, next.chapterCount()));
        if (random.nextBoolean()) {
            return new Passage.AcrossBooks(layout.osisId(), chapter, 0, next.osisId(), endChapter, 0);
        }
        return new Passage.AcrossBooks(layout.osisId(), chapter, verse(layout, chapter, random), next.osisId(),
                endChapter, verse(next, endChapter, random));
    }
}
