package org.gospelib.scripture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.gospelib.scripture.OsisRange.Granularity;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OsisRangeTest {

    private static final Versification KJV = Versification.kjv();

    @Nested
    class OsisForm {

        @Test
        void writesASingleVerseChapterOrBookAlone() {
            assertThat(OsisRange.ofVerse(VerseRef.of("John", 3, 16)).osis()).isEqualTo("John.3.16");
            assertThat(OsisRange.ofChapter("Rom", 8).osis()).isEqualTo("Rom.8");
            assertThat(OsisRange.ofBook("Gen").osis()).isEqualTo("Gen");
        }

        @Test
        void writesBothEndsOfARangeInFull() {
            assertThat(OsisRange.ofVerses(VerseRef.of("John", 3, 16), VerseRef.of("John", 3, 18)).osis())
                    .isEqualTo("John.3.16-John.3.18");
            assertThat(OsisRange.ofChapters("Rom", 5, 8).osis()).isEqualTo("Rom.5-Rom.8");
            assertThat(OsisRange.ofBooks("Gen", "Exod").osis()).isEqualTo("Gen-Exod");
        }

        @Test
        void writesAPsalmTitleAsVerseZero() {
            assertThat(OsisRange.ofVerse(VerseRef.of("Ps", 3, 0)).osis()).isEqualTo("Ps.3.0");
        }

        @Test
        void refusesPointsThatDoNotFitTheGranularity() {
            assertThatThrownBy(() -> new OsisRange(Granularity.CHAPTER, new OsisRange.Point("Rom", 8, 1),
                    new OsisRange.Point("Rom", 8, 1))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new OsisRange(Granularity.BOOK, new OsisRange.Point("Rom", 1, 0),
                    new OsisRange.Point("Rom", 1, 0))).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void refusesARangeThatEndsBeforeItStarts() {
            assertThatThrownBy(() -> OsisRange.ofChapters("Rom", 8, 5)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Parsing {

        @ParameterizedTest
        @ValueSource(strings = {"John.3.16", "John.3.16-John.3.18", "Rom.8", "Rom.5-Rom.8", "Gen", "Gen-Exod",
                "Gen.50-Exod.2", "Ps.3.0", "1Cor.13.4-1Cor.13.7", "Tob.1.1", "Matt.28.20-Mark.1.3"})
        void readsWhatItWrites(String osis) {
            assertThat(OsisRange.parse(osis).osis()).isEqualTo(osis);
        }

        @Test
        void readsTheGranularityFromTheForm() {
            assertThat(OsisRange.parse("Gen").granularity()).isEqualTo(Granularity.BOOK);
            assertThat(OsisRange.parse("Rom.8").granularity()).isEqualTo(Granularity.CHAPTER);
            assertThat(OsisRange.parse("John.3.16").granularity()).isEqualTo(Granularity.VERSE);
        }

        @Test
        void namesAnUnknownBookId() {
            assertThatThrownBy(() -> OsisRange.parse("Jhn.3.16"))
                    .isInstanceOf(ReferenceParseException.class)
                    .hasMessage("\"Jhn.3.16\": \"Jhn\" is not an OSIS book id");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "John 3:16", "John.3-John.4.5", "John.3.18-John.3.16", "John.", "John.x",
                "John.3.16-", ".3.16", "John.0", "John.3.16.1", "John.99999999999"})
        void refusesWhatIsNotAStrictOsisRange(String text) {
            assertThatThrownBy(() -> OsisRange.parse(text)).isInstanceOf(ReferenceParseException.class);
        }
    }

    @Nested
    class Verses {

        @Test
        void expandsAChapterToAllItsVersesWithoutTheTitle() {
            List<VerseRef> verses = OsisRange.ofChapter("Ps", 3).verses(KJV);

            assertThat(verses).hasSize(8).startsWith(VerseRef.of("Ps", 3, 1)).endsWith(VerseRef.of("Ps", 3, 8));
        }

        @Test
        void includesATitleOnlyWhenTheRangeStartsAtIt() {
            assertThat(OsisRange.parse("Ps.3.0-Ps.3.2").verses(KJV))
                    .containsExactly(VerseRef.of("Ps", 3, 0), VerseRef.of("Ps", 3, 1), VerseRef.of("Ps", 3, 2));
            assertThat(OsisRange.parse("Ps.3.8-Ps.4.1").verses(KJV))
                    .containsExactly(VerseRef.of("Ps", 3, 8), VerseRef.of("Ps", 4, 1));
        }

        @Test
        void followsAVerseRangeAcrossChapters() {
            List<VerseRef> verses = OsisRange.parse("John.3.35-John.4.2").verses(KJV);

            assertThat(verses).containsExactly(VerseRef.of("John", 3, 35), VerseRef.of("John", 3, 36),
                    VerseRef.of("John", 4, 1), VerseRef.of("John", 4, 2));
        }

        @Test
        void followsARangeAcrossBooksInCanonicalOrder() {
            List<VerseRef> verses = OsisRange.parse("Gen.50-Exod.1").verses(KJV);

            assertThat(verses).hasSize(26 + 22)
                    .startsWith(VerseRef.of("Gen", 50, 1))
                    .endsWith(VerseRef.of("Exod", 1, 22));
        }

        @Test
        void includesTheBooksBetweenTheEndsOfABookRange() {
            assertThat(OsisRange.parse("2John-Jude").verses(KJV)).hasSize(13 + 14 + 25);
        }

        @Test
        void expandsAWholeBook() {
            assertThat(OsisRange.ofBook("Jude").verses(KJV)).hasSize(25);
            assertThat(OsisRange.ofBook("Gen").verses(KJV)).hasSize(1533);
        }

        @Test
        void refusesABookTheVersificationLacks() {
            assertThatThrownBy(() -> OsisRange.parse("Tob.1.1").verses(KJV))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void refusesAVerseTheVersificationLacks() {
            assertThatThrownBy(() -> OsisRange.parse("John.3.40").verses(KJV))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> OsisRange.parse("John.30").verses(KJV))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
