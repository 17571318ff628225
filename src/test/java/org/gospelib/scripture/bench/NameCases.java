package org.gospelib.scripture.bench;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.gospelib.scripture.bench.Passage.Notation;
import org.gospelib.scripture.bench.Passages.Mix;
import org.gospelib.scripture.bench.ReferenceEvaluationSuite.Case;

/**
 * The categories that vary the book name: a passage chosen by {@link Passages}, written in plain
 * notation after a name from the suite's own tables.
 */
final class NameCases {

    private static final List<String> NUMBERED = Spellings.all().stream()
            .filter(Spellings.Book::numbered).map(Spellings.Book::osis).toList();

    private NameCases() {
    }

    /** Full names and common abbreviations, English: {@code John 3:16}, {@code 1 Cor 13:4-7}. */
    static Case standard(Random random) {
        String book = Spellings.pick(Spellings.PROTESTANT_CANON, random);
        Passage passage = Passages.draw(book, Mix.EVERYDAY, random);
        return written("standard", passage, osis -> Spellings.english(Spellings.of(osis), random),
                acrossBooksNotation(passage, random));
    }

    /** The same in Spanish, accents written or not: {@code Génesis 1:1}, {@code Genesis 1:1}, {@code 1 Co 13}. */
    static Case spanish(Random random) {
        String book = Spellings.pick(Spellings.PROTESTANT_CANON, random);
        Passage passage = Passages.draw(book, Mix.EVERYDAY, random);
        return written("spanish", passage, osis -> Spellings.spanish(Spellings.of(osis), random),
                acrossBooksNotation(passage, random));
    }

    /** Misspelled names, English seven times in ten: {@code Genisis 1:1}, {@code Apocalipcis 21:4}. */
    static Case misspelled(Random random) {
        boolean english = random.nextInt(10) < 7;
        Spellings.Book book;
        do {
            book = Spellings.of(Spellings.pick(Spellings.PROTESTANT_CANON, random));
        } while ((english ? book.englishMisspellings() : book.spanishMisspellings()).isEmpty());
        Spellings.Book chosen = book;
        String name = chosen.withNumber(Spellings.pick(english ? chosen.englishMisspellings() : chosen.spanishMisspellings(),
                random));
        return written("misspelled", Passages.draw(chosen.osis(), Mix.SIMPLE, random), osis -> name, Notation.PLAIN);
    }

    /** Numbered books with their number as a word, ordinal or Roman numeral: {@code Second Kings 2}. */
    static Case ordinal(Random random) {
        Spellings.Book book = Spellings.of(Spellings.pick(NUMBERED, random));
        String name = random.nextInt(20) < 13 ? Ordinals.english(book, random) : Ordinals.spanish(book, random);
        return written("ordinal", Passages.draw(book.osis(), Mix.SIMPLE, random), osis -> name, Notation.PLAIN);
    }

    /** Septuagint and Vulgate names of Samuel, Kings and Chronicles: {@code 3 Kingdoms 2:1}. */
    static Case septuagint(Random random) {
        Map.Entry<String, String> entry = Spellings.pick(Ordinals.SEPTUAGINT, random);
        return written("septuagint", Passages.draw(entry.getKey(), Mix.SIMPLE, random), osis -> entry.getValue(),
                Notation.PLAIN);
    }

    /**
     * Long titles and other traditions' names; the whole book a little more often than
     * elsewhere, since titles are often cited alone.
     */
    static Case titles(Random random) {
        List<String> books = List.copyOf(Titles.byBook().keySet());
        String book = Spellings.pick(books, random);
        String title = Spellings.pick(Titles.byBook().get(book), random);
        Mix mix = new Mix(10, 20, 5, 40, 20, 5, 0, 0, 0, 0);
        return written("titles", Passages.draw(book, mix, random), osis -> title, Notation.PLAIN);
    }

    /** Ranges across books are written with or without spaces around the dash. */
    private static Notation acrossBooksNotation(Passage passage, Random random) {
        return passage instanceof Passage.AcrossBooks && random.nextBoolean() ? Notation.PLAIN.withDash(" - ")
                : Notation.PLAIN;
    }

    private static Case written(String category, Passage passage, Function<String, String> names, Notation notation) {
        return new Case(category, passage.write(names, notation), passage.osis());
    }
}
