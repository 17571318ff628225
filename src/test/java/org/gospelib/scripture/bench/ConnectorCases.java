package org.gospelib.scripture.bench;

import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.gospelib.scripture.BookLayout;
import org.gospelib.scripture.bench.ReferenceEvaluationSuite.Case;

/**
 * References joined by words rather than punctuation: "to", "through", "and", "ff", "chapter 3
 * verse 16", "vv.", "title", verse parts ("23:1a"), and in Spanish "al", "y", "ss", "capítulo",
 * "versículo", "título". Each template picks a book, chapter and verses and writes both the text
 * and the expected OSIS itself.
 */
final class ConnectorCases {

    /** One way of writing: given a random source and a spelling of book names, a case or null. */
    private interface Template {
        Case make(Random random, Names names);
    }

    /** Book names in the template's language. */
    private record Names(boolean spanish) {
        String of(String osis, Random random) {
            Spellings.Book book = Spellings.of(osis);
            return spanish ? Spellings.spanish(book, random) : Spellings.english(book, random);
        }
    }

    /**
     * Psalms that carry a title (superscription) in the KJV, from general knowledge; titles are
     * asked for only where one exists.
     */
    private static final List<Integer> PSALMS_WITH_TITLES = List.of(3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16, 17,
            18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 34, 35, 36, 37, 38, 39, 40, 41, 42, 44, 45, 46,
            47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 72, 73, 74,
            75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 92, 98, 100, 101, 102, 103, 108, 109, 110,
            120, 121, 122, 123, 124, 125, 126, 127, 128, 129, 130, 131, 132, 133, 134, 138, 139, 140, 141, 142, 143,
            144, 145);

    private static final List<Template> ENGLISH = List.of(
            (r, n) -> verses(r, n, pick(r, " to ", " through ", " thru ")),
            (r, n) -> chapters(r, n, pick(r, " to ", " through ", " thru ")),
            (r, n) -> acrossChapters(r, n, pick(r, " to ", " through ")),
            (r, n) -> twoVerses(r, n, " and "),
            (r, n) -> twoChapters(r, n, " and "),
            (r, n) -> toEndOfChapter(r, n, pick(r, " ff", "ff", " ff.", "ff.")),
            (r, n) -> andNextVerse(r, n, pick(r, " f", "f", " f.")),
            (r, n) -> chapterAndVerseInWords(r, n,
                    pick(r, " chapter %d verse %d", " chapter %d, verse %d", " ch. %d v. %d", " chap. %d, ver. %d",
                            " ch %d vs %d")),
            (r, n) -> chapterInWords(r, n, pick(r, " chapter %d", " ch. %d", " chap. %d")),
            (r, n) -> versesInWords(r, n,
                    pick(r, " %d vv. %d-%d", " %d, vv. %d-%d", " %d, verses %d to %d", " %d verses %d-%d",
                            " chapter %d, verses %d-%d", " chapter %d verses %d to %d")),
            (r, n) -> verseInWords(r, n, pick(r, " %d v %d", " %d v. %d", " %d vs %d", " %d vs. %d", " %d, verse %d",
                    " %d, v. %d")),
            (r, n) -> verseThenChapter(r, n, ", chapter "),
            (r, n) -> psalmTitle(r, pick(r, "Ps %d title", "Psalm %d title", "Psalms %d title", "Ps. %d title")),
            (r, n) -> versePart(r, n),
            (r, n) -> versesInSingleChapterBook(r, n, pick(r, " verse %d", " v. %d", " v %d", " vs. %d"),
                    pick(r, " verses %d-%d", " vv. %d-%d", " vv %d-%d", " verses %d to %d")),
            (r, n) -> rangeAndVerse(r, n, " and "));

    private static final List<Template> SPANISH = List.of(
            (r, n) -> verses(r, n, " al "),
            (r, n) -> chapters(r, n, " al "),
            (r, n) -> acrossChapters(r, n, " al "),
            (r, n) -> twoVerses(r, n, " y "),
            (r, n) -> twoChapters(r, n, " y "),
            (r, n) -> toEndOfChapter(r, n, pick(r, " ss", "ss", " ss.")),
            (r, n) -> andNextVerse(r, n, pick(r, " s", "s", " s.")),
            (r, n) -> chapterAndVerseInWords(r, n, pick(r, " capítulo %d versículo %d", " capitulo %d versiculo %d",
                    " capítulo %d, versículo %d", " cap. %d, vers. %d", " cap. %d v. %d")),
            (r, n) -> chapterInWords(r, n, pick(r, " capítulo %d", " capitulo %d", " cap. %d")),
            (r, n) -> versesInWords(r, n, pick(r, " %d, versículos %d al %d", " capítulo %d, versículos %d al %d",
                    " %d, vv. %d-%d", " %d, vers. %d-%d")),
            (r, n) -> verseInWords(r, n, pick(r, " %d, vers. %d", " %d, versículo %d", " %d vers. %d", " %d v. %d")),
            (r, n) -> psalmTitle(r, pick(r, "Salmo %d título", "Salmo %d titulo", "Salmos %d título", "Sal %d título")),
            (r, n) -> versePart(r, n),
            (r, n) -> rangeAndVerse(r, n, " y "));

    private ConnectorCases() {
    }

    /** English two times in three. */
    static Case next(Random random) {
        boolean spanish = random.nextInt(3) == 0;
        Template template = Spellings.pick(spanish ? SPANISH : ENGLISH, random);
        return template.make(random, new Names(spanish));
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static String anyBook(Random random) {
        return Spellings.pick(Spellings.PROTESTANT_CANON, random);
    }

    private static String bookOfChapters(Random random) {
        String book;
        do {
            book = anyBook(random);
        } while (Passages.singleChapter(book));
        return book;
    }

    private static Case of(String input, String osis) {
        return new Case("connectors", input, osis);
    }

    private static Case written(Passage passage, Names names, Random random, Passage.Notation notation) {
        Function<String, String> spell = osis -> names.of(osis, random);
        return of(passage.write(spell, notation), passage.osis());
    }

    /** {@code John 3:16 to 18}; {@code Jude 3 to 5}. */
    private static Case verses(Random random, Names names, String word) {
        Passage passage = Passages.verses(Passages.layout(anyBook(random)), random);
        return written(passage, names, random, Passage.Notation.PLAIN.withDash(word));
    }

    /** {@code Matt 5 through 7}. */
    private static Case chapters(Random random, Names names, String word) {
        Passage passage = Passages.make(Passages.Shape.CHAPTERS, bookOfChapters(random), random);
        return written(passage, names, random, Passage.Notation.PLAIN.withDash(word));
    }

    /** {@code John 3:16 to 4:2}. */
    private static Case acrossChapters(Random random, Names names, String word) {
        Passage passage = Passages.make(Passages.Shape.ACROSS_CHAPTERS, bookOfChapters(random), random);
        return written(passage, names, random, Passage.Notation.PLAIN.withDash(word));
    }

    /** {@code Rom 8:28 and 29}: a list of two verses of one chapter. */
    private static Case twoVerses(Random random, Names names, String word) {
        String book = bookOfChapters(random);
        int[] start = Passages.verseBeforeLast(Passages.layout(book), random);
        int count = Passages.layout(book).verseCount(start[0]);
        int second = start[1] + 1 + random.nextInt(Math.min(count - start[1], 5));
        Passage passage = new Passage.VerseList(book, start[0], start[1], 0, second, 0, 0);
        return written(passage, names, random, new Passage.Notation(" ", ":", "-", word, "; "));
    }

    /** {@code Matt 5 and 7}: after a chapter a number is a chapter. */
    private static Case twoChapters(Random random, Names names, String word) {
        Passage.ChapterList list = (Passage.ChapterList) Passages.make(Passages.Shape.CHAPTER_LIST, bookOfChapters(random),
                random);
        return written(list, names, random, new Passage.Notation(" ", ":", "-", word, word));
    }

    /** {@code Gen 1:1 ff}: to the end of the chapter; never from the last verse. */
    private static Case toEndOfChapter(Random random, Names names, String ff) {
        String book = anyBook(random);
        BookLayout layout = Passages.layout(book);
        int[] start = Passages.verseBeforeLast(layout, random);
        Passage.Verse verse = new Passage.Verse(book, start[0], start[1], !Passages.singleChapter(book) || random.nextBoolean());
        String osis = verse.osis() + "-" + Passage.osisVerse(book, start[0], layout.verseCount(start[0]));
        return of(verse.write(b -> names.of(b, random), Passage.Notation.PLAIN) + ff, osis);
    }

    /** {@code Gen 1:1 f}: the verse and the next one. */
    private static Case andNextVerse(Random random, Names names, String f) {
        String book = anyBook(random);
        int[] start = Passages.verseBeforeLast(Passages.layout(book), random);
        Passage.Verse verse = new Passage.Verse(book, start[0], start[1], !Passages.singleChapter(book) || random.nextBoolean());
        String osis = verse.osis() + "-" + Passage.osisVerse(book, start[0], start[1] + 1);
        return of(verse.write(b -> names.of(b, random), Passage.Notation.PLAIN) + f, osis);
    }

    /** {@code John chapter 3 verse 16}. */
    private static Case chapterAndVerseInWords(Random random, Names names, String format) {
        String book = bookOfChapters(random);
        BookLayout layout = Passages.layout(book);
        int chapter = Passages.chapter(layout, random);
        int verse = Passages.verse(layout, chapter, random);
        return of(names.of(book, random) + format.formatted(chapter, verse), Passage.osisVerse(book, chapter, verse));
    }

    /** {@code John chapter 3}. */
    private static Case chapterInWords(Random random, Names names, String format) {
        String book = bookOfChapters(random);
        int chapter = Passages.chapter(Passages.layout(book), random);
        return of(names.of(book, random) + format.formatted(chapter), Passage.osisChapter(book, chapter));
    }

    /** {@code John 3 vv. 16-18}, {@code Juan 3, versículos 16 al 18}. */
    private static Case versesInWords(Random random, Names names, String format) {
        String book = bookOfChapters(random);
        Passage.Verses range = (Passage.Verses) Passages.verses(Passages.layout(book), random);
        return of(names.of(book, random) + format.formatted(range.chapter(), range.first(), range.last()), range.osis());
    }

    /** {@code John 3 v 16}, {@code Juan 3, vers. 16}. */
    private static Case verseInWords(Random random, Names names, String format) {
        String book = bookOfChapters(random);
        BookLayout layout = Passages.layout(book);
        int chapter = Passages.chapter(layout, random);
        int verse = Passages.verse(layout, chapter, random);
        return of(names.of(book, random) + format.formatted(chapter, verse), Passage.osisVerse(book, chapter, verse));
    }

    /** {@code Titus 1:1, chapter 2}. */
    private static Case verseThenChapter(Random random, Names names, String word) {
        String book = bookOfChapters(random);
        BookLayout layout = Passages.layout(book);
        int chapter = 1 + random.nextInt(layout.chapterCount() - 1);
        int verse = Passages.verse(layout, chapter, random);
        int next = chapter + 1 + random.nextInt(layout.chapterCount() - chapter);
        return of(names.of(book, random) + " " + chapter + ":" + verse + word + next,
                Passage.osisVerse(book, chapter, verse) + "," + Passage.osisChapter(book, next));
    }

    /** {@code Ps 3 title}: verse 0 of a psalm. */
    private static Case psalmTitle(Random random, String format) {
        int psalm = Spellings.pick(PSALMS_WITH_TITLES, random);
        return of(format.formatted(psalm), "Ps." + psalm + ".0");
    }

    /** {@code Ps 23:1a}, {@code Gen 2:4b-25}: a part of a verse stands for the whole verse. */
    private static Case versePart(Random random, Names names) {
        String book = anyBook(random);
        BookLayout layout = Passages.layout(book);
        String name = names.of(book, random);
        boolean chapterWritten = !Passages.singleChapter(book) || random.nextBoolean();
        if (random.nextBoolean()) {
            int chapter = Passages.chapter(layout, random);
            int verse = Passages.verse(layout, chapter, random);
            return of(name + " " + (chapterWritten ? chapter + ":" : "") + verse + pick(random, "a", "b", "c"),
                    Passage.osisVerse(book, chapter, verse));
        }
        Passage.Verses range = (Passage.Verses) Passages.verses(layout, random);
        String first = range.first() + (random.nextBoolean() ? "b" : "");
        String last = range.last() + (first.endsWith("b") && random.nextBoolean() ? "" : "a");
        return of(name + " " + (chapterWritten ? range.chapter() + ":" : "") + first + "-" + last, range.osis());
    }

    /** {@code Philemon verse 10}, {@code Jude vv. 3-5}: the verses of a single-chapter book. */
    private static Case versesInSingleChapterBook(Random random, Names names, String one, String several) {
        String book = pick(random, "Obad", "Phlm", "2John", "3John", "Jude");
        BookLayout layout = Passages.layout(book);
        if (random.nextBoolean()) {
            int verse = Passages.verse(layout, 1, random);
            return of(names.of(book, random) + one.formatted(verse), Passage.osisVerse(book, 1, verse));
        }
        Passage.Verses range = (Passage.Verses) Passages.verses(layout, random);
        return of(names.of(book, random) + several.formatted(range.first(), range.last()), range.osis());
    }

    /** {@code John 3:16-18 and 4:1}. */
    private static Case rangeAndVerse(Random random, Names names, String word) {
        String book = bookOfChapters(random);
        BookLayout layout = Passages.layout(book);
        Passage.Verses range = (Passage.Verses) Passages.verses(layout, random);
        if (range.chapter() == layout.chapterCount()) return null;
        int next = range.chapter() + 1 + random.nextInt(Math.min(layout.chapterCount() - range.chapter(), 3));
        int verse = Passages.verse(layout, next, random);
        Function<String, String> spell = osis -> names.of(osis, random);
        return of(range.write(spell, Passage.Notation.PLAIN) + word + next + ":" + verse,
                range.osis() + "," + Passage.osisVerse(book, next, verse));
    }
}
