package org.gospelib.scripture.bench;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.gospelib.scripture.BookLayout;
import org.gospelib.scripture.bench.Passage.Notation;
import org.gospelib.scripture.bench.Passages.Mix;
import org.gospelib.scripture.bench.Passages.Shape;
import org.gospelib.scripture.bench.ReferenceEvaluationSuite.Case;

/**
 * The same references in other typography: {@code Jn 3.16}, Roman chapter numbers
 * ({@code John iii. 16}), the European {@code Jn 3,16}, full-width characters, en and em dashes,
 * no spaces, capitals, surrounding punctuation and stray spaces.
 */
final class NotationCases {

    private static final List<BiFunction<Random, Boolean, Case>> TEMPLATES = List.of(
            NotationCases::fullStopBetweenChapterAndVerse,
            NotationCases::romanChapter,
            NotationCases::romanChapter,
            NotationCases::commaBetweenChapterAndVerse,
            NotationCases::fullWidth,
            NotationCases::dashes,
            NotationCases::noSpaces,
            NotationCases::capitals,
            NotationCases::lowerCase,
            NotationCases::surroundingPunctuation,
            NotationCases::strayOrOtherSpaces,
            NotationCases::strayOrOtherSpaces);

    private NotationCases() {
    }

    static Case next(Random random) {
        boolean spanish = random.nextInt(3) == 0;
        return Spellings.pick(TEMPLATES, random).apply(random, spanish);
    }

    private static Case of(String input, String osis) {
        return new Case("notation", input, osis);
    }

    private static Function<String, String> names(Random random, boolean spanish) {
        return osis -> spanish ? Spellings.spanish(Spellings.of(osis), random) : Spellings.english(Spellings.of(osis), random);
    }

    private static String bookOfChapters(Random random) {
        String book;
        do {
            book = Spellings.pick(Spellings.PROTESTANT_CANON, random);
        } while (Passages.singleChapter(book));
        return book;
    }

    private static Passage everyday(Random random) {
        return Passages.draw(Spellings.pick(Spellings.PROTESTANT_CANON, random), Mix.EVERYDAY, random);
    }

    private static Case written(Passage passage, Random random, boolean spanish, Notation notation) {
        return of(passage.write(names(random, spanish), notation), passage.osis());
    }

    /** {@code Jn 3.16}, {@code Rom 8.28-30}. */
    private static Case fullStopBetweenChapterAndVerse(Random random, boolean spanish) {
        Shape shape = Spellings.pick(List.of(Shape.VERSE, Shape.VERSE, Shape.VERSES, Shape.ACROSS_CHAPTERS), random);
        return written(Passages.make(shape, bookOfChapters(random), random), random, spanish,
                Notation.PLAIN.withChapterVerse("."));
    }

    /**
     * {@code John iii. 16}, {@code JOHN III 16}: the chapter in Roman numerals, as in older books.
     * English only; chapters 1 and 5 are left out, where "i" and "v" could be read as a verse
     * part or an abbreviation of "verse", and so are chapters past 49.
     */
    private static Case romanChapter(Random random, boolean spanish) {
        String book = bookOfChapters(random);
        BookLayout layout = Passages.layout(book);
        int chapter = Passages.chapter(layout, random);
        if (chapter == 1 || chapter == 5 || chapter > 49) return null;
        String roman = roman(chapter);
        String name = Spellings.english(Spellings.of(book), random);
        String numeral = random.nextBoolean() ? roman.toLowerCase(Locale.ROOT) : roman;
        String afterNumeral = random.nextInt(3) == 0 ? " " : ". ";
        if (random.nextInt(4) == 0) {
            int count = layout.verseCount(chapter);
            int first = 1 + random.nextInt(count - 1);
            Passage.Verses range = new Passage.Verses(book, chapter, first,
                    first + 1 + random.nextInt(Math.min(count - first, 5)), true);
            return of(name + " " + numeral + afterNumeral + range.first() + "-" + range.last(), range.osis());
        }
        int verse = Passages.verse(layout, chapter, random);
        String end = random.nextInt(4) == 0 ? "." : "";
        return of(name + " " + numeral + afterNumeral + verse + end, Passage.osisVerse(book, chapter, verse));
    }

    /** {@code Jn 3,16}: the continental comma, only in Spanish and only for a lone verse. */
    private static Case commaBetweenChapterAndVerse(Random random, boolean ignored) {
        Passage passage = Passages.make(Shape.VERSE, bookOfChapters(random), random);
        return written(passage, random, true, Notation.PLAIN.withChapterVerse(","));
    }

    /** {@code Ｊｏｈｎ ３：１６}, as typed with an East Asian input method, sometimes with an ideographic space. */
    private static Case fullWidth(Random random, boolean spanish) {
        Passage passage = Passages.make(Spellings.pick(List.of(Shape.VERSE, Shape.VERSES, Shape.CHAPTER), random),
                Spellings.pick(Spellings.PROTESTANT_CANON, random), random);
        String text = passage.write(names(random, spanish), Notation.PLAIN);
        boolean ideographicSpace = random.nextInt(3) == 0;
        StringBuilder wide = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == ' ') wide.append(ideographicSpace ? '\u3000' : ' ');
            else if (c > ' ' && c <= '~') wide.append((char) (c + 0xFEE0));
            else wide.append(c);
        }
        return of(wide.toString(), passage.osis());
    }

    /** {@code John 3:16–18}, {@code Rom 5 — 8}. */
    private static Case dashes(Random random, boolean spanish) {
        Shape shape = Spellings.pick(List.of(Shape.VERSES, Shape.CHAPTERS, Shape.ACROSS_CHAPTERS), random);
        String dash = random.nextBoolean() ? "\u2013" : "\u2014";
        if (random.nextInt(3) == 0) dash = " " + dash + " ";
        return written(Passages.make(shape, Spellings.pick(Spellings.PROTESTANT_CANON, random), random), random, spanish,
                Notation.PLAIN.withDash(dash));
    }

    /** {@code 1Cor13:4-7}, {@code Jn3:16}: names of one word, the number joined on. */
    private static Case noSpaces(Random random, boolean spanish) {
        Passage passage = Passages.make(Spellings.pick(List.of(Shape.VERSE, Shape.VERSES, Shape.CHAPTER), random),
                Spellings.pick(Spellings.PROTESTANT_CANON, random), random);
        Function<String, String> names = names(random, spanish);
        String name = names.apply(passage.book()).replaceFirst("^(\\d) ", "$1");
        if (name.contains(" ") || name.endsWith(".")) return null;
        return of(passage.write(osis -> name, Notation.PLAIN.withGap("")), passage.osis());
    }

    /** {@code JOHN 3:16}, {@code GÉNESIS 1:1}. */
    private static Case capitals(Random random, boolean spanish) {
        Passage passage = everyday(random);
        return of(passage.write(names(random, spanish), Notation.PLAIN).toUpperCase(Locale.ROOT), passage.osis());
    }

    /** {@code john 3:16}, {@code 1 cor 13}. */
    private static Case lowerCase(Random random, boolean spanish) {
        Passage passage = everyday(random);
        return of(passage.write(names(random, spanish), Notation.PLAIN).toLowerCase(Locale.ROOT), passage.osis());
    }

    /** {@code John 3:16.}, {@code John 3:16!}, {@code (John 3:16)}. */
    private static Case surroundingPunctuation(Random random, boolean spanish) {
        Passage passage = everyday(random);
        String text = passage.write(names(random, spanish), Notation.PLAIN);
        String format = Spellings.pick(List.of("%s.", "%s!", "(%s)", "(%s).", "[%s]"), random);
        return of(format.formatted(text), passage.osis());
    }

    /**
     * Stray spaces ({@code John  3:16}, {@code John 3 : 16}, {@code " John 3:16 "}), a
     * no-break space after the name as copied from web pages, and lists without spaces
     * ({@code John 3:16,18;4:1}).
     */
    private static Case strayOrOtherSpaces(Random random, boolean spanish) {
        Passage passage = everyday(random);
        Notation notation = switch (random.nextInt(7)) {
            case 0 -> Notation.PLAIN.withGap("  ");
            case 1 -> Notation.PLAIN.withChapterVerse(" : ");
            case 2 -> Notation.PLAIN.withChapterVerse(": ");
            case 3 -> Notation.PLAIN.withDash(" - ");
            case 4 -> Notation.PLAIN.withGap("\u00a0");
            case 5 -> new Notation(" ", ":", "-", ",", ";");
            default -> Notation.PLAIN;
        };
        // "Rom 8,12" would read as chapter 8 verse 12 in the continental style: not a list of chapters
        if (notation.comma().equals(",") && passage instanceof Passage.ChapterList list && !list.semicolon()) return null;
        String text = passage.write(names(random, spanish), notation);
        if (notation == Notation.PLAIN) text = "  " + text + " ";
        return of(text, passage.osis());
    }

    static String roman(int number) {
        int[] values = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
        String[] letters = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
        StringBuilder roman = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            for (; number >= values[i]; number -= values[i]) roman.append(letters[i]);
        }
        return roman.toString();
    }
}
