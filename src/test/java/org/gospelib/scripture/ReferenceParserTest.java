package org.gospelib.scripture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.gospelib.scripture.OsisRange.Granularity;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReferenceParserTest {

    private final ReferenceParser parser = ReferenceParser.create();

    private String osis(String text) {
        return parser.parse(text).osis();
    }

    private ReferenceParseException failure(String text) {
        return Assertions.assertThrows(ReferenceParseException.class, () -> parser.parse(text));
    }

    @Nested
    class Chapters {

        @Test
        void readsAChapterOnItsOwn() {
            assertThat(osis("Rom 8")).isEqualTo("Rom.8");
            assertThat(parser.parse("Rom 8").ranges()).containsExactly(OsisRange.ofChapter("Rom", 8));
        }

        @Test
        void readsARangeOfChapters() {
            assertThat(osis("Rom 5-8")).isEqualTo("Rom.5-Rom.8");
            assertThat(parser.parse("Rom 5-8").ranges().getFirst().granularity()).isEqualTo(Granularity.CHAPTER);
        }

        @Test
        void readsALoneNumberAfterAChapterAsAnotherChapter() {
            assertThat(osis("Rom 8; 9")).isEqualTo("Rom.8,Rom.9");
            assertThat(osis("Rom 8, 9")).isEqualTo("Rom.8,Rom.9");
            assertThat(osis("Rom 5-8, 10")).isEqualTo("Rom.5-Rom.8,Rom.10");
        }

        @Test
        void readsChaptersInSpanish() {
            assertThat(osis("Romanos 8")).isEqualTo("Rom.8");
            assertThat(osis("Salmos 1-3")).isEqualTo("Ps.1-Ps.3");
        }
    }

    @Nested
    class Verses {

        @ParameterizedTest
        @ValueSource(strings = {"John 3:16", "John 3.16", "Jn 3:16", "Jhn 3:16", "Joh 3:16", "JN. 3:16", "jn3:16",
                "John.3.16", "Juan 3:16", "Jn 3: 16", "John 3:16."})
        void readsAVerse(String text) {
            assertThat(osis(text)).isEqualTo("John.3.16");
        }

        @Test
        void readsACommaWithoutSpacesAfterTheChapterAsTheEuropeanChapterVerseSeparator() {
            assertThat(osis("Jn 3,16")).isEqualTo("John.3.16");
            assertThat(osis("Jn 3,16-18")).isEqualTo("John.3.16-John.3.18");
            // with a space it lists chapters, as in English
            assertThat(osis("Jn 3, 16")).isEqualTo("John.3,John.16");
        }

        @Test
        void readsARangeWithinAChapterWithAnyDash() {
            assertThat(osis("John 3:16-18")).isEqualTo("John.3.16-John.3.18");
            assertThat(osis("John 3:16–18")).isEqualTo("John.3.16-John.3.18");
            assertThat(osis("John 3:16—18")).isEqualTo("John.3.16-John.3.18");
            assertThat(osis("John 3:16 - 18")).isEqualTo("John.3.16-John.3.18");
        }

        @Test
        void readsARangeAcrossChapters() {
            assertThat(osis("John 3:16-4:2")).isEqualTo("John.3.16-John.4.2");
        }

        @Test
        void readsARangeOfOneVerseAsThatVerse() {
            assertThat(osis("John 3:16-16")).isEqualTo("John.3.16");
        }

        @Test
        void readsVersesInSpanish() {
            assertThat(osis("Juan 3:16-18")).isEqualTo("John.3.16-John.3.18");
            assertThat(osis("Mateo 5:3-12")).isEqualTo("Matt.5.3-Matt.5.12");
            assertThat(osis("Hch 2:38")).isEqualTo("Acts.2.38");
            assertThat(osis("1 Co 13:4-7")).isEqualTo("1Cor.13.4-1Cor.13.7");
            assertThat(osis("Primera de Juan 4:8")).isEqualTo("1John.4.8");
            assertThat(osis("1ª Corintios 13:13")).isEqualTo("1Cor.13.13");
            assertThat(osis("Stg 1:5")).isEqualTo("Jas.1.5");
            assertThat(osis("Ap 21:4")).isEqualTo("Rev.21.4");
            assertThat(osis("Génesis 1:1")).isEqualTo("Gen.1.1");
            assertThat(osis("Éxodo 20:1-17")).isEqualTo("Exod.20.1-Exod.20.17");
            assertThat(osis("Cantares 2:1")).isEqualTo("Song.2.1");
            assertThat(osis("Eclesiastés 3:1")).isEqualTo("Eccl.3.1");
            assertThat(osis("Jonás 1:17")).isEqualTo("Jonah.1.17");
            assertThat(osis("Hageo 2:9")).isEqualTo("Hag.2.9");
        }
    }

    @Nested
    class RangesAcrossBooks {

        @Test
        void readsChaptersAcrossBooks() {
            assertThat(osis("Gen 50 - Exod 2")).isEqualTo("Gen.50-Exod.2");
        }

        @Test
        void readsVersesAcrossBooks() {
            assertThat(osis("Matt 28:20-Mark 1:3")).isEqualTo("Matt.28.20-Mark.1.3");
            assertThat(osis("Mateo 28:20 – Marcos 1:3")).isEqualTo("Matt.28.20-Mark.1.3");
        }

        @Test
        void readsARangeOfWholeBooks() {
            assertThat(osis("Gen - Exod")).isEqualTo("Gen-Exod");
        }

        @Test
        void widensTheCoarserEndToTheFinerGranularity() {
            assertThat(osis("John 3-4:5")).isEqualTo("John.3.1-John.4.5");
            assertThat(osis("Matt 28:20 - Mark 1")).isEqualTo("Matt.28.20-Mark.1.45");
            assertThat(osis("Gen - Exod 3")).isEqualTo("Gen.1-Exod.3");
        }

        @Test
        void expressesAChapterOfASingleChapterBookThroughItsVerses() {
            assertThat(osis("Phlm - Heb 2")).isEqualTo("Phlm.1.1-Heb.2.18");
            assertThat(osis("Heb 13 - Jude")).isEqualTo("Heb.13.1-Jude.1.25");
        }

        @Test
        void refusesARangeThatRunsBackwards() {
            assertThat(failure("John 3:18-16")).hasMessage("\"John 3:18-16\": \"John 3:18-16\" ends before it starts");
            assertThat(failure("Exod - Gen").reason()).isEqualTo("\"Exod - Gen\" ends before it starts");
            assertThat(failure("Rom 8-5").reason()).isEqualTo("\"Rom 8-5\" ends before it starts");
        }
    }

    @Nested
    class WholeBooks {

        @ParameterizedTest(name = "{0} → {1}")
        @CsvSource(delimiter = '|', textBlock = """
                Jude        | Jude
                Genesis     | Gen
                Génesis     | Gen
                Apocalipsis | Rev
                Song of Solomon | Song
                Gen.        | Gen
                """)
        void readsABookNameAloneAsTheWholeBook(String text, String expected) {
            assertThat(osis(text)).isEqualTo(expected);
            assertThat(parser.parse(text).ranges().getFirst().granularity()).isEqualTo(Granularity.BOOK);
        }
    }

    @Nested
    class Lists {

        @Test
        void carriesTheBookAndChapterOver() {
            assertThat(osis("John 3:16, 18; 4:1")).isEqualTo("John.3.16,John.3.18,John.4.1");
        }

        @Test
        void readsALoneNumberAfterAVerseAsAVerseAfterACommaAndAChapterAfterASemicolon() {
            assertThat(osis("John 3:16, 18")).isEqualTo("John.3.16,John.3.18");
            assertThat(osis("John 3:16; 5")).isEqualTo("John.3.16,John.5");
        }

        @Test
        void carriesTheContextFromTheEndOfARange() {
            assertThat(osis("John 3:16; 5:1-3, 7")).isEqualTo("John.3.16,John.5.1-John.5.3,John.5.7");
            assertThat(osis("John 3:16-4:2, 6")).isEqualTo("John.3.16-John.4.2,John.4.6");
        }

        @Test
        void switchesBooksWithinAList() {
            assertThat(osis("Gen 1:1; Exod 3:14, 15; Juan 1:1"))
                    .isEqualTo("Gen.1.1,Exod.3.14,Exod.3.15,John.1.1");
            assertThat(osis("Rom 8; 1 Cor 13")).isEqualTo("Rom.8,1Cor.13");
        }

        @Test
        void keepsTheOrderAsWrittenAndDropsOnlyExactRepeats() {
            ParsedReference parsed = parser.parse("Rom 8; John 3:16; Rom 8; John 3:16-17");

            assertThat(parsed.osis()).isEqualTo("Rom.8,John.3.16,John.3.16-John.3.17");
            assertThat(parsed.occurrences()).hasSize(4);
        }

        @Test
        void allowsATrailingSeparator() {
            assertThat(osis("Rom 8;")).isEqualTo("Rom.8");
        }

        @Test
        void tellsWhereEachRangeWasWritten() {
            ParsedReference parsed = parser.parse("John 3:16, 18");

            assertThat(parsed.occurrences()).extracting(RangeOccurrence::text, RangeOccurrence::offset)
                    .containsExactly(tuple("John 3:16", 0), tuple("18", 11));
        }
    }

    @Nested
    class FollowingVerses {

        @Test
        void readsFfAsToTheEndOfTheChapter() {
            assertThat(osis("John 3:16ff")).isEqualTo("John.3.16-John.3.36");
            assertThat(osis("John 3:16 ff.")).isEqualTo("John.3.16-John.3.36");
        }

        @Test
        void readsFAsTheNextVerse() {
            assertThat(osis("John 3:16f")).isEqualTo("John.3.16-John.3.17");
        }

        @Test
        void readsTheSpanishSsAndS() {
            assertThat(osis("Juan 3:16ss")).isEqualTo("John.3.16-John.3.36");
            assertThat(osis("Juan 3:16s")).isEqualTo("John.3.16-John.3.17");
        }

        @Test
        void readsFOnTheLastVerseAsThatVerse() {
            assertThat(osis("John 3:36f")).isEqualTo("John.3.36");
        }

        @Test
        void keepsTheChapterForTheNextItem() {
            assertThat(osis("Mark 16:9ff, 1 Cor 15")).isEqualTo("Mark.16.9-Mark.16.20,1Cor.15");
            assertThat(osis("John 3:16ff, 4:1")).isEqualTo("John.3.16-John.3.36,John.4.1");
        }
    }

    @Nested
    class SingleChapterBooks {

        @Test
        void readsALoneNumberAsAVerse() {
            assertThat(osis("Jude 5")).isEqualTo("Jude.1.5");
            assertThat(osis("Obad 3")).isEqualTo("Obad.1.3");
            assertThat(osis("Phlm 6")).isEqualTo("Phlm.1.6");
            assertThat(osis("2 John 4")).isEqualTo("2John.1.4");
            assertThat(osis("3 Juan 4")).isEqualTo("3John.1.4");
            assertThat(osis("Judas 3")).isEqualTo("Jude.1.3");
            assertThat(osis("Abdías 3")).isEqualTo("Obad.1.3");
        }

        @Test
        void readsChapterOneExplicitly() {
            assertThat(osis("Jude 1:5")).isEqualTo("Jude.1.5");
        }

        @Test
        void readsARangeOfVerses() {
            assertThat(osis("Jude 3-5")).isEqualTo("Jude.1.3-Jude.1.5");
            assertThat(osis("Jude 3, 5; 7")).isEqualTo("Jude.1.3,Jude.1.5,Jude.1.7");
        }

        @Test
        void namesTheBookWhenAVerseIsMissing() {
            assertThat(failure("Jude 26").reason()).isEqualTo("Jude has 25 verses");
            assertThat(failure("Jude 2:1").reason()).isEqualTo("Jude has 1 chapter");
        }
    }

    @Nested
    class PsalmTitles {

        @ParameterizedTest
        @ValueSource(strings = {"Psalm 3 title", "Ps 3:0", "Salmo 3 título", "Sal 3 titulo", "Ps.3.0", "PSALM 3 TITLE"})
        void readsATitleAsVerseZero(String text) {
            assertThat(osis(text)).isEqualTo("Ps.3.0");
        }

        @Test
        void readsARangeFromTheTitle() {
            assertThat(osis("Ps 3:0-2")).isEqualTo("Ps.3.0-Ps.3.2");
            assertThat(osis("Psalm 3 title-2")).isEqualTo("Ps.3.0-Ps.3.2");
        }

        @Test
        void readsATitleInContext() {
            assertThat(osis("Ps 3; 4 title")).isEqualTo("Ps.3,Ps.4.0");
        }

        @Test
        void refusesATitleOutsideThePsalms() {
            assertThat(failure("John 3:0").reason()).isEqualTo("verse 0 is a psalm title, and only psalms have one");
            assertThat(failure("John 3 title").reason()).isEqualTo("only psalms have a \"title\"");
        }
    }

    @Nested
    class OsisInput {

        @ParameterizedTest
        @ValueSource(strings = {"John.3.16-John.3.18,Rom.8", "Gen", "Gen-Exod", "Ps.3.0", "Rom.5-Rom.8",
                "Gen.50-Exod.2", "1Cor.13.4-1Cor.13.7,2Cor.5.17", "Jude.1.5", "Phlm.1.1-Heb.2.18"})
        void readsOsisBackUnchanged(String text) {
            assertThat(osis(text)).isEqualTo(text);
        }
    }

    @Nested
    class DeuterocanonicalBooks {

        @Test
        void readsThemWithKjvApocryphaNumbering() {
            assertThat(osis("Tobit 1:1")).isEqualTo("Tob.1.1");
            assertThat(osis("Sirach 24:1-3")).isEqualTo("Sir.24.1-Sir.24.3");
            assertThat(osis("1 Maccabees 2")).isEqualTo("1Macc.2");
            assertThat(osis("Sabiduría 7:26")).isEqualTo("Wis.7.26");
        }

        @Test
        void namesABookTheVersificationLacks() {
            assertThat(failure("3 Macc 1:1"))
                    .hasMessage("\"3 Macc 1:1\": 3 Maccabees is not in the KJVA versification");
        }

        @Test
        void readsThemWithAnotherVersificationWhenAskedTo() {
            ReferenceParser nrsva = ReferenceParser.create(Versification.named("NRSVA").orElseThrow());

            assertThat(nrsva.parse("3 Macc 1:1").osis()).isEqualTo("3Macc.1.1");
            assertThat(nrsva.versification().name()).isEqualTo("NRSVA");
        }

        @Test
        void numbersTheSixtySixBooksExactlyAsKjv() {
            Versification kjv = Versification.kjv();

            for (BookLayout book : kjv.books()) {
                assertThat(parser.versification().book(book.osisId())).contains(book);
            }
        }
    }

    @Nested
    class Errors {

        @Test
        void namesAnUnknownBook() {
            ReferenceParseException e = failure("Xyzzy 3:16");

            assertThat(e).hasMessage("\"Xyzzy 3:16\": \"Xyzzy\" is not a book name");
            assertThat(e.input()).isEqualTo("Xyzzy 3:16");
            assertThat(e.fragment()).isEqualTo("Xyzzy");
            assertThat(e.offset()).isZero();
        }

        @Test
        void namesAVerseThatDoesNotExist() {
            ReferenceParseException e = failure("John 3:99");

            assertThat(e).hasMessage("\"John 3:99\": John 3 has 36 verses");
            assertThat(e.fragment()).isEqualTo("99");
            assertThat(e.offset()).isEqualTo(7);
            assertThat(e.kind()).isEqualTo(ReferenceParseException.Kind.OUT_OF_RANGE);
        }

        @Test
        void tellsAMissingVerseFromTextThatIsNotAReference() {
            assertThat(failure("John 22").kind()).isEqualTo(ReferenceParseException.Kind.OUT_OF_RANGE);
            assertThat(failure("Xyzzy 3:16").kind()).isEqualTo(ReferenceParseException.Kind.NOT_UNDERSTOOD);
            assertThat(failure("John 3:18-16").kind()).isEqualTo(ReferenceParseException.Kind.NOT_UNDERSTOOD);
        }

        @Test
        void namesAChapterThatDoesNotExist() {
            assertThat(failure("John 22")).hasMessage("\"John 22\": John has 21 chapters");
            assertThat(failure("Gn 51").reason()).isEqualTo("Genesis has 50 chapters");
            assertThat(failure("John 0").reason()).isEqualTo("there is no chapter 0 in John");
        }

        @Test
        void namesTheFirstPartNotUnderstood() {
            ReferenceParseException e = failure("John 3:16 foo");

            assertThat(e).hasMessage("\"John 3:16 foo\": \"foo\" is not understood");
            assertThat(e.offset()).isEqualTo(10);
        }

        @Test
        void namesAnUnknownBookLaterInAList() {
            ReferenceParseException e = failure("Rom 8; 4 Cor 3");

            assertThat(e.fragment()).isEqualTo("Cor");
            assertThat(failure("4 Cor 3").reason()).isEqualTo("\"4 Cor\" is not a book name");
            assertThat(failure("John 3:16-Xyzzy 4").fragment()).isEqualTo("Xyzzy");
        }

        @Test
        void refusesANumberWithoutABook() {
            assertThat(failure("3:16")).hasMessage("\"3:16\": no book is named before \"3:16\"");
        }

        @Test
        void refusesADashWithNothingAfterIt() {
            assertThat(failure("John 3:16-").reason()).isEqualTo("\"-\" is not followed by a reference");
        }

        @Test
        void refusesATextWithoutReferences() {
            assertThat(failure("")).hasMessage("\"\": no reference found");
            assertThat(failure(" ; ,").reason()).isEqualTo("no reference found");
        }

        @Test
        void refusesTwoReferencesWithoutASeparator() {
            assertThat(failure("John 3:16 Rom 8").fragment()).isEqualTo("Rom");
        }

        @Test
        void refusesATextLongerThanTheLimit() {
            String text = "John 3:16; ".repeat(200) + "x".repeat(100);

            assertThat(text.length()).isGreaterThan(ReferenceParser.MAX_INPUT_LENGTH);
            assertThat(failure(text).reason()).isEqualTo("the text is longer than 2000 characters");
            assertThatThrownBy(() -> parser.parseLenient(text)).isInstanceOf(ReferenceParseException.class);
        }

        @Test
        void refusesMoreRangesThanTheLimit() {
            String text = String.join(",", IntStream.rangeClosed(1, 201).mapToObj(i -> "Ps " + (i % 150 + 1)).toList());

            assertThat(failure(text).reason()).isEqualTo("more than 200 ranges");
            assertThat(parser.parse(text.substring(0, text.lastIndexOf(','))).occurrences()).hasSize(200);
        }

        @Test
        void shortensALongInputInTheMessage() {
            String text = "Xyzzy" + " 3:16".repeat(100);

            assertThat(failure(text).getMessage()).hasSizeLessThan(200).endsWith("…\": \"Xyzzy\" is not a book name");
        }
    }

    @Nested
    class Lenient {

        @Test
        void findsReferencesInFreeTextAndReportsTheRest() {
            ParsedReference parsed = parser.parseLenient("see John 3:16 and Rom 8");

            assertThat(parsed.osis()).isEqualTo("John.3.16,Rom.8");
            assertThat(parsed.unparsed()).containsExactly(new UnparsedPart("see", 0)); // "and" joins the two
            assertThat(parsed.occurrences()).extracting(RangeOccurrence::text, RangeOccurrence::offset)
                    .containsExactly(tuple("John 3:16", 4), tuple("Rom 8", 18));
            assertThat(parsed.isComplete()).isFalse();
        }

        @Test
        void reportsAMisspelledReferenceWhole() {
            ParsedReference parsed = parser.parseLenient("Xyzzy 3:16; Rom 8");

            assertThat(parsed.osis()).isEqualTo("Rom.8");
            assertThat(parsed.unparsed()).containsExactly(new UnparsedPart("Xyzzy 3:16", 0));
        }

        @Test
        void readsAMisspellingAsTheOneBookItCanMeanAndSaysSo() {
            ParsedReference parsed = parser.parseLenient("Jhnn 3:16; Rom 8");

            assertThat(parsed.osis()).isEqualTo("John.3.16,Rom.8");
            assertThat(parsed.occurrences().getFirst().notes()).containsExactly("read \"Jhnn\" as John");
            assertThat(parsed.occurrences().get(1).notes()).isEmpty();
            // in prose a misspelling needs its chapter: "Genisis" alone is a word, not Genesis
            assertThat(parser.parseLenient("I read Genisis today").isEmpty()).isTrue();
            // between two names no guess is made: Jhon is one edit from John and from Jon (Jonah)
            assertThat(parser.parseLenient("Jhon 3:16").isEmpty()).isTrue();
        }

        @Test
        void reportsAVerseThatDoesNotExist() {
            ParsedReference parsed = parser.parseLenient("John 3:99; Juan 3:16");

            assertThat(parsed.osis()).isEqualTo("John.3.16");
            assertThat(parsed.unparsed()).containsExactly(new UnparsedPart("John 3:99", 0));
        }

        @Test
        void acceptsABareBookInProseOnlyWhereItCanMeanNothingElse() {
            assertThat(parser.parseLenient("Mark my words").isEmpty()).isTrue();
            // people and words: "Mark", "Acts", "Dan", "am", "he" are not books in a sentence
            assertThat(parser.parseLenient("read Mark; then Acts").isEmpty()).isTrue();
            assertThat(parser.parseLenient("therefore called she his name Dan.").isEmpty()).isTrue();
            assertThat(parser.parseLenient("and he said, Behold, here am I.").isEmpty()).isTrue();
            // a text of nothing but references keeps its whole books
            assertThat(parser.parseLenient("Mark; Acts").osis()).isEqualTo("Mark,Acts");
            // and the names no one else bears stay books anywhere
            assertThat(parser.parseLenient("we read Genesis; then 1 Corinthians.").osis()).isEqualTo("Gen,1Cor");
            assertThat(parser.parseLenient("O foolish Galatians, who has bewitched you?").isEmpty()).isTrue();
        }

        @Test
        void linksABookAtTheEndOfASentenceWithoutItsFullStop() {
            ParsedReference parsed = parser.parseLenient("We read Genesis. Then John 3.");

            assertThat(parsed.osis()).isEqualTo("Gen,John.3");
            assertThat(parsed.occurrences()).extracting(RangeOccurrence::text).containsExactly("Genesis", "John 3");
        }

        @Test
        void forgetsTheBookAfterTextItCannotRead() {
            ParsedReference parsed = parser.parseLenient("John 3:16 and then 17");

            assertThat(parsed.osis()).isEqualTo("John.3.16");
            assertThat(parsed.unparsed()).containsExactly(new UnparsedPart("and then 17", 10));
        }

        @Test
        void readsReferencesWrittenWithoutASeparator() {
            assertThat(parser.parseLenient("John 3:16 Rom 8").osis()).isEqualTo("John.3.16,Rom.8");
        }

        @Test
        void treatsADashFollowedByWordsAsPunctuation() {
            ParsedReference parsed = parser.parseLenient("John 3:16 - a verse everyone knows");

            assertThat(parsed.osis()).isEqualTo("John.3.16");
            assertThat(parsed.unparsed()).containsExactly(new UnparsedPart("- a verse everyone knows", 10));
        }

        @Test
        void returnsEverythingUnparsedWhenNothingIsAReference() {
            ParsedReference parsed = parser.parseLenient("nothing to see here");

            assertThat(parsed.isEmpty()).isTrue();
            assertThat(parsed.osis()).isEmpty();
            assertThat(parsed.unparsed()).containsExactly(new UnparsedPart("nothing to see here", 0));
        }

        @Test
        void returnsNothingForAnEmptyText() {
            ParsedReference parsed = parser.parseLenient("");

            assertThat(parsed.isEmpty()).isTrue();
            assertThat(parsed.isComplete()).isTrue();
        }

        @Test
        void agreesWithStrictParsingOnAWellFormedText() {
            String text = "Gen 1:1-3; Juan 3:16, 18; Rom 8";

            assertThat(parser.parseLenient(text)).isEqualTo(parser.parse(text));
        }
    }

    @Nested
    class Robustness {

        @Test
        void staysFastOnPathologicalInput() {
            List<String> inputs = List.of(
                    "1 ".repeat(1000),
                    "Song of ".repeat(250),
                    "I ".repeat(1000),
                    "-".repeat(2000),
                    "John 3:16-".repeat(200),
                    "9".repeat(2000),
                    "a".repeat(2000),
                    "Jn 3:16,".repeat(250),
                    "Primera de ".repeat(180));
            Assertions.assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
                for (String input : inputs) {
                    try {
                        parser.parseLenient(input);
                        parser.parse(input);
                    } catch (ReferenceParseException expected) {
                        // only the time matters here
                    }
                }
            });
        }

        @Test
        void canBeSharedBetweenThreads() {
            List<String> results = IntStream.range(0, 2000).parallel()
                    .mapToObj(i -> parser.parse("Jn 3:" + (i % 36 + 1)).osis())
                    .toList();

            assertThat(results).allSatisfy(osis -> assertThat(osis).startsWith("John.3."));
            assertThat(ReferenceParser.create()).isSameAs(parser);
        }
    }
}
