package org.gospelib.scripture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.StringLength;

/**
 * Properties of the reference parser over generated input: it fails only in its own way and
 * quickly, its output reads back to itself, and what it covers exists in the KJV.
 */
class ReferenceParserPropertiesTest {

    private static final ReferenceParser PARSER = ReferenceParser.create();
    private static final BookNames NAMES = BookNames.standard();
    private static final Versification KJV = Versification.kjv();
    /** Far above the microseconds a parse takes; only a runaway parse comes near it. */
    private static final long SLOW_NANOS = 2_000_000_000L;

    // (a) no input makes the parser fail other than with ReferenceParseException, or hang

    @Property(tries = 2000)
    void anyTextIsReadOrRefusedWithAReferenceParseException(@ForAll @StringLength(max = 300) String text) {
        assertFailsOnlyAsParseError(text);
    }

    @Property(tries = 2000)
    void anyReferenceLikeTextIsReadOrRefusedWithAReferenceParseException(@ForAll("referenceLikeText") String text) {
        assertFailsOnlyAsParseError(text);
    }

    @Property(tries = 2000)
    void anyPlausibleReferenceIsReadOrRefusedWithAReferenceParseException(@ForAll("plausibleReferences") String text) {
        assertFailsOnlyAsParseError(text);
    }

    @Property(tries = 100)
    void textsAroundTheLengthLimitAreReadOrRefusedQuickly(@ForAll("longReferenceLikeText") String text) {
        assertFailsOnlyAsParseError(text);
    }

    // (b) normalised OSIS reads back to the same ranges

    @Property(tries = 2000)
    void aGeneratedReferenceReadsAsTheRangesItWasMadeOf(@ForAll("validReferences") GeneratedReference reference) {
        ParsedReference parsed = PARSER.parse(reference.text());

        assertThat(parsed.ranges()).isEqualTo(reference.expected());
        assertThat(parsed.isComplete()).isTrue();
    }

    @Property(tries = 2000)
    void normalisedOsisReadsBackToTheSameRanges(@ForAll("validReferences") GeneratedReference reference) {
        ParsedReference parsed = PARSER.parse(reference.text());

        assertThat(PARSER.parse(parsed.osis()).ranges()).isEqualTo(parsed.ranges());
        for (OsisRange range : parsed.ranges()) assertThat(OsisRange.parse(range.osis())).isEqualTo(range);
    }

    @Property(tries = 2000)
    void whateverIsAcceptedNormalisesIdempotently(@ForAll("plausibleReferences") String text) {
        ParsedReference parsed;
        try {
            parsed = PARSER.parse(text);
        } catch (ReferenceParseException refused) {
            return;
        }
        assertThat(PARSER.parse(parsed.osis()).ranges()).isEqualTo(parsed.ranges());
        assertThat(PARSER.parseLenient(text)).isEqualTo(parsed);
    }

    // (c) every verse of a parsed range exists in the KJV

    @Property(tries = 2000)
    void everyVerseOfAParsedRangeIsInTheKjv(@ForAll("validReferences") GeneratedReference reference) {
        for (OsisRange range : PARSER.parse(reference.text()).ranges()) {
            List<VerseRef> verses = range.verses(KJV);

            assertThat(verses).as(range.osis()).isNotEmpty();
            // ranges across books cover thousands of verses: check them cheaply, report the first
            VerseRef previous = null;
            for (VerseRef verse : verses) {
                if (!isInKjv(verse)) fail("%s of %s is not in the KJV", verse, range);
                if (previous != null && !comesBefore(previous, verse)) {
                    fail("%s follows %s in %s", verse, previous, range);
                }
                previous = verse;
            }
        }
    }

    private static boolean comesBefore(VerseRef a, VerseRef b) {
        int byBook = Integer.compare(KJV.bookOrder(a.book()), KJV.bookOrder(b.book()));
        if (byBook != 0) return byBook < 0;
        return a.chapter() != b.chapter() ? a.chapter() < b.chapter() : a.verse() < b.verse();
    }

    private static boolean isInKjv(VerseRef verse) {
        if (verse.verse() == 0) {
            return verse.book().equals("Ps") && verse.chapter() <= KJV.book("Ps").orElseThrow().chapterCount();
        }
        return KJV.contains(verse);
    }

    private static void assertFailsOnlyAsParseError(String text) {
        assertQuick(() -> PARSER.parseLenient(text));
        assertQuick(() -> PARSER.parse(text));
    }

    private static void assertQuick(Supplier<ParsedReference> parse) {
        long started = System.nanoTime();
        try {
            parse.get();
        } catch (ReferenceParseException refused) {
            // the one way the parser may refuse
        }
        assertThat(System.nanoTime() - started).isLessThan(SLOW_NANOS);
    }

    // generators

    /** Book names, numbers and the punctuation of references, in any order. */
    @Provide
    Arbitrary<String> referenceLikeText() {
        return referenceToken().list().ofMaxSize(25).map(tokens -> String.join("", tokens));
    }

    @Provide
    Arbitrary<String> longReferenceLikeText() {
        return referenceToken().list().ofMinSize(600).ofMaxSize(900).map(tokens -> String.join("", tokens));
    }

    private static Arbitrary<String> referenceToken() {
        List<String> spellings = NAMES.osisIds().stream().flatMap(id -> NAMES.spellings(id).stream()).toList();
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(spellings).map(s -> s + " ")),
                Tuple.of(2, Arbitraries.of(spellings).map(s -> s.toUpperCase(Locale.ROOT))),
                Tuple.of(8, Arbitraries.integers().between(0, 200).map(String::valueOf)),
                Tuple.of(1, Arbitraries.of("0", "00", "99999999999", "2147483648")),
                Tuple.of(10, Arbitraries.of(":", ".", ",", ";", "-", "–", "—", " ", "  ", "\u00a0", "\t")),
                Tuple.of(3, Arbitraries.of("ff", "f", "ss", "s", " title", " título", " de ", "I ",
                        "First ", "Primera ", "1ª ", "1st ", "(", ")", "\u0301", "a", "é", "Ω", "\uD83D\uDE00")),
                // the words around numbers and names: connectors, titles, misspellings, Roman chapters
                Tuple.of(3, Arbitraries.of(" to ", " through ", " and ", " y ", " al ", "&", " chapter ", " verse ",
                        " vv. ", " v ", "The ", "Gospel ", "according ", "Saint ", "San ", "of ", "the ", "Epistle ",
                        "Paul's ", "Genisis ", "Phillipians ", "Jhon ", "iii", "XXIII ", "\uFF13", "\uFF1A", "[", "]", "!")),
                Tuple.of(1, Arbitraries.chars().all().map(String::valueOf)));
    }

    /**
     * References shaped like the real thing, with numbers that may or may not exist: about a
     * quarter are accepted, the rest refused for many different reasons.
     */
    @Provide
    Arbitrary<String> plausibleReferences() {
        List<String> spellings = KJV.books().stream().flatMap(book -> NAMES.spellings(book.osisId()).stream()).toList();
        String[] separators = {"; ", ", ", ";", ",", " "};
        String[] suffixes = {"ff", "f", " ss", " title", " título", "."};
        return Arbitraries.randomValue(random -> {
            StringBuilder text = new StringBuilder();
            int items = 1 + random.nextInt(6);
            for (int i = 0; i < items; i++) {
                if (i > 0) text.append(separators[random.nextInt(separators.length)]);
                if (i == 0 || random.nextInt(10) < 6) text.append(anyOf(spellings, random)).append(' ');
                if (random.nextInt(10) == 0) continue;
                text.append(chapterLike(random));
                if (random.nextBoolean()) text.append(random.nextInt(4) == 0 ? '.' : ':').append(verseLike(random));
                if (random.nextInt(10) < 3) {
                    text.append(random.nextBoolean() ? "-" : " – ");
                    if (random.nextInt(10) < 3) text.append(anyOf(spellings, random)).append(' ');
                    text.append(random.nextBoolean() ? chapterLike(random) : verseLike(random));
                    if (random.nextInt(10) < 4) text.append(':').append(verseLike(random));
                } else if (random.nextInt(10) == 0) {
                    text.append(suffixes[random.nextInt(suffixes.length)]);
                }
            }
            return text.toString();
        });
    }

    private static String anyOf(List<String> choices, Random random) {
        return choices.get(random.nextInt(choices.size()));
    }

    /** Mostly a chapter every book has, sometimes any number at all. */
    private static int chapterLike(Random random) {
        return random.nextInt(10) == 0 ? random.nextInt(200) : 1 + random.nextInt(4);
    }

    /** Mostly a verse most chapters have, sometimes any number at all. */
    private static int verseLike(Random random) {
        return random.nextInt(10) == 0 ? random.nextInt(200) : 1 + random.nextInt(12);
    }

    /** Valid references in many spellings, with the ranges they stand for. */
    @Provide
    Arbitrary<GeneratedReference> validReferences() {
        return Arbitraries.randomValue(ReferenceGenerator::generate);
    }

    /** A reference text and the ranges it must read as. */
    record GeneratedReference(String text, List<OsisRange> expected) {
        @Override
        public String toString() {
            return text + " → " + expected;
        }
    }

    /** Builds lists of explicit references to the 66 books, each followed by context-dependent items. */
    private static final class ReferenceGenerator {

        private static final List<BookLayout> BOOKS = KJV.books();
        private static final String[] DASHES = {"-", "–", "—", " - "};

        private final Random random;
        private final StringBuilder text = new StringBuilder();
        private final List<OsisRange> expected = new ArrayList<>();

        private ReferenceGenerator(Random random) {
            this.random = random;
        }

        static GeneratedReference generate(Random random) {
            ReferenceGenerator generator = new ReferenceGenerator(random);
            int items = 1 + random.nextInt(5);
            for (int i = 0; i < items; i++) {
                if (i > 0) generator.text.append(random.nextBoolean() ? "; " : ";");
                generator.item();
            }
            List<OsisRange> distinct = List.copyOf(new LinkedHashSet<>(generator.expected));
            return new GeneratedReference(generator.text.toString(), distinct);
        }

        private void item() {
            BookLayout book = BOOKS.get(random.nextInt(BOOKS.size()));
            String id = book.osisId();
            String name = spelling(id);
            boolean single = book.chapterCount() == 1;
            int chapter = 1 + random.nextInt(book.chapterCount());
            int verses = book.verseCount(chapter);
            int verse = 1 + random.nextInt(verses);
            switch (random.nextInt(9)) {
                case 0 -> add(name, OsisRange.ofBook(id));
                case 1 -> {
                    if (single) {
                        add(name + " " + verse, OsisRange.ofVerse(VerseRef.of(id, 1, verse)));
                    } else {
                        add(name + " " + chapter, OsisRange.ofChapter(id, chapter));
                        moreChapters(book, chapter);
                    }
                }
                case 2 -> {
                    add(name + " " + chapter + (random.nextBoolean() ? ":" : ".") + verse,
                            OsisRange.ofVerse(VerseRef.of(id, chapter, verse)));
                    moreVerses(book, chapter, verse);
                }
                case 3 -> {
                    int last = verse + random.nextInt(verses - verse + 1);
                    String written = single && random.nextBoolean()
                            ? name + " " + verse
                            : name + " " + chapter + ":" + verse;
                    add(written + dash() + last, verseRange(id, chapter, verse, chapter, last));
                    moreVerses(book, chapter, last);
                }
                case 4 -> {
                    if (single) {
                        add(name + " 1:" + verse, OsisRange.ofVerse(VerseRef.of(id, 1, verse)));
                        return;
                    }
                    int lastChapter = chapter + random.nextInt(book.chapterCount() - chapter + 1);
                    int lastVerse = 1 + random.nextInt(book.verseCount(lastChapter));
                    if (lastChapter == chapter && lastVerse < verse) lastVerse = verse;
                    add(name + " " + chapter + ":" + verse + dash() + lastChapter + ":" + lastVerse,
                            verseRange(id, chapter, verse, lastChapter, lastVerse));
                }
                case 5 -> {
                    if (single) {
                        add(name, OsisRange.ofBook(id));
                        return;
                    }
                    int lastChapter = chapter + random.nextInt(book.chapterCount() - chapter + 1);
                    add(name + " " + chapter + dash() + lastChapter,
                            lastChapter == chapter
                                    ? OsisRange.ofChapter(id, chapter)
                                    : OsisRange.ofChapters(id, chapter, lastChapter));
                }
                case 6 -> crossBook(book, name, chapter, verse);
                case 7 -> add(name + " " + chapter + ":" + verse + (random.nextBoolean() ? "ff" : " ss"),
                        verseRange(id, chapter, verse, chapter, verses));
                default -> psalmTitle();
            }
        }

        private void crossBook(BookLayout book, String name, int chapter, int verse) {
            int from = KJV.bookOrder(book.osisId());
            if (from == BOOKS.size() - 1) {
                add(name, OsisRange.ofBook(book.osisId()));
                return;
            }
            BookLayout other = BOOKS.get(from + 1 + random.nextInt(BOOKS.size() - from - 1));
            int otherChapter = 1 + random.nextInt(other.chapterCount());
            int otherVerse = 1 + random.nextInt(other.verseCount(otherChapter));
            String otherName = spelling(other.osisId());
            add(name + " " + chapter + ":" + verse + dash() + otherName + " " + otherChapter + ":" + otherVerse,
                    OsisRange.ofVerses(VerseRef.of(book.osisId(), chapter, verse),
                            VerseRef.of(other.osisId(), otherChapter, otherVerse)));
        }

        private void psalmTitle() {
            int psalm = 1 + random.nextInt(150);
            String written = switch (random.nextInt(3)) {
                case 0 -> spelling("Ps") + " " + psalm + " title";
                case 1 -> "Salmo " + psalm + " título";
                default -> spelling("Ps") + " " + psalm + ":0";
            };
            add(written, OsisRange.ofVerse(VerseRef.of("Ps", psalm, 0)));
        }

        /** ", n" after a verse is another verse of the same chapter. */
        private void moreVerses(BookLayout book, int chapter, int after) {
            int verses = book.verseCount(chapter);
            while (after < verses && random.nextInt(3) == 0) {
                int next = after + 1 + random.nextInt(verses - after);
                add(", " + next, OsisRange.ofVerse(VerseRef.of(book.osisId(), chapter, next)));
                after = next;
            }
        }

        /** "; n" after a chapter is another chapter of the same book. */
        private void moreChapters(BookLayout book, int after) {
            while (after < book.chapterCount() && random.nextInt(3) == 0) {
                int next = after + 1 + random.nextInt(book.chapterCount() - after);
                add("; " + next, OsisRange.ofChapter(book.osisId(), next));
                after = next;
            }
        }

        private static OsisRange verseRange(String id, int chapter, int verse, int lastChapter, int lastVerse) {
            VerseRef first = VerseRef.of(id, chapter, verse);
            VerseRef last = VerseRef.of(id, lastChapter, lastVerse);
            return first.equals(last) ? OsisRange.ofVerse(first) : OsisRange.ofVerses(first, last);
        }

        private String dash() {
            return DASHES[random.nextInt(DASHES.length)];
        }

        /** Any spelling of the table, sometimes shouted or whispered. */
        private String spelling(String id) {
            List<String> spellings = NAMES.spellings(id);
            String spelling = spellings.get(random.nextInt(spellings.size()));
            return switch (random.nextInt(4)) {
                case 0 -> spelling.toUpperCase(Locale.ROOT);
                case 1 -> spelling.toLowerCase(Locale.ROOT);
                default -> spelling;
            };
        }

        private void add(String written, OsisRange range) {
            text.append(written);
            expected.add(range);
        }
    }
}
