package org.gospelib.ingest.internal.sword;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.gospelib.scripture.Testament;
import org.gospelib.scripture.VerseRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZTextReaderTest {

    private static final EntryKey GEN_1_1 = verse("Gen", 1, 1);
    private static final EntryKey GEN_1_2 = verse("Gen", 1, 2);
    private static final EntryKey GEN_1_3 = verse("Gen", 1, 3);

    private static EntryKey verse(String book, int chapter, int verse) {
        return new EntryKey.Verse(VerseRef.of(book, chapter, verse));
    }

    @Test
    void kjvHas31102VersesIn66Books() throws IOException {
        try (ZTextReader reader = InstalledSword.open(InstalledSword.KJV)) {
            List<VerseRef> verses = reader.entries().map(SwordEntry::key)
                    .filter(k -> k instanceof EntryKey.Verse).map(k -> ((EntryKey.Verse) k).ref()).toList();
            assertThat(verses).hasSize(31_102);
            assertThat(verses.stream().map(VerseRef::book).distinct()).hasSize(66);
            assertThat(reader.indexRecordSize()).isEqualTo(10);
            assertThat(reader.versification().name()).isEqualTo("KJV");
        }
    }

    @Test
    void kjvSlotsAreAllFilledButTheModuleHeading() throws IOException {
        try (ZTextReader reader = InstalledSword.open(InstalledSword.KJV)) {
            SlotReport report = reader.slotReport();
            assertThat(report.slots()).isEqualTo(32_360);
            assertThat(report.empty()).containsExactly(new EntryKey.ModuleHeading());
            assertThat(report.linkedTo()).isEmpty();
            assertThat(report.distinctEntries()).isEqualTo(32_359);
            assertThat(reader.entries().count()).isEqualTo(32_359);
        }
    }

    @Test
    void webReportsItsEmptyAndMergedSlots() throws IOException {
        try (ZTextReader reader = InstalledSword.open(InstalledSword.WEB)) {
            SlotReport report = reader.slotReport();
            assertThat(report.slots()).isEqualTo(39_274);
            // Sirach 26:19-27 and 4 Maccabees 8:28-29 share one entry each, a few Sirach verses too.
            assertThat(report.linkedTo()).hasSize(13)
                    .containsEntry(verse("Sir", 26, 27), verse("Sir", 26, 19))
                    .containsEntry(verse("4Macc", 8, 29), verse("4Macc", 8, 28));
            // The additions to Daniel live inside Greek Daniel, which the module stores in Hosea 0:0.
            Set<String> booksWithEmptyVerses = report.empty().stream().filter(k -> k instanceof EntryKey.Verse)
                    .map(k -> ((EntryKey.Verse) k).ref().book()).collect(Collectors.toSet());
            assertThat(booksWithEmptyVerses).contains("PrAzar", "Sus", "Bel");
            assertThat(report.empty()).contains(new EntryKey.BookIntro("PrAzar"));
            assertThat(reader.entries().count()).isEqualTo(report.distinctEntries());
            assertThat(reader.slots().filter(e -> !e.isEmpty()).count()).isEqualTo(report.slots() - report.empty().size());
        }
    }

    @Test
    void randomAccessAgreesWithIteration() throws IOException {
        try (ZTextReader reader = InstalledSword.open(InstalledSword.WEB)) {
            Map<EntryKey, String> sample = reader.slots().filter(e -> !e.isEmpty())
                    .filter(e -> e.key().hashCode() % 97 == 0)
                    .collect(Collectors.toMap(SwordEntry::key, SwordEntry::markup));
            assertThat(sample).hasSizeGreaterThan(100);
            for (Map.Entry<EntryKey, String> e : sample.entrySet()) {
                assertThat(reader.read(e.getKey())).as(e.getKey().label()).contains(e.getValue());
            }
            assertThat(reader.read(VerseRef.of("Rev", 22, 21))).isPresent();
            assertThat(reader.read(VerseRef.of("Rev", 22, 22))).isEmpty();
            assertThat(reader.read(VerseRef.of("Nope", 1, 1))).isEmpty();
            assertThat(reader.read(VerseRef.of("Sus", 1, 1))).isEmpty();
            assertThat(reader.read(new EntryKey.TestamentHeading(Testament.NT))).isPresent();
        }
    }

    @Test
    void tdavidIsAZCom4CommentaryOnThePsalmsOnly() throws IOException {
        try (ZTextReader reader = InstalledSword.open(InstalledSword.TDAVID)) {
            assertThat(reader.indexRecordSize()).isEqualTo(12);
            Set<String> books = reader.entries().map(SwordEntry::key).filter(k -> k instanceof EntryKey.Verse)
                    .map(k -> ((EntryKey.Verse) k).ref().book()).collect(Collectors.toSet());
            assertThat(books).containsExactly("Ps");
        }
    }

    @Test
    void mhccIndexRecordsAreTenBytesWhateverTheConfSays() throws IOException {
        try (ZTextReader reader = InstalledSword.open(InstalledSword.MHCC)) {
            assertThat(reader.module().conf().driver()).contains("zCom4");
            assertThat(reader.indexRecordSize()).isEqualTo(10);
            SlotReport report = reader.slotReport();
            assertThat(report.distinctEntries()).isEqualTo(5304);
            assertThat(report.linkedTo()).isNotEmpty();
        }
    }

    @Test
    void recordSizeComesFromTheFilesNotTheDriver(@TempDir Path library) throws IOException {
        SwordModule module = new SyntheticModule().recordSize(12)
                .entry(GEN_1_1, "<p>one</p>".getBytes(UTF_8))
                .conf("ModDrv=zText\nEncoding=UTF-8").writeTo(library, "Twelve");
        try (ZTextReader reader = ZTextReader.open(module)) {
            assertThat(reader.indexRecordSize()).isEqualTo(12);
            assertThat(reader.read(GEN_1_1)).contains("<p>one</p>");
        }
    }

    @Test
    void linksAreReportedAndYieldedOnceByEntriesButEverywhereBySlots(@TempDir Path library) throws IOException {
        SwordModule module = new SyntheticModule()
                .entry(GEN_1_1, "first".getBytes(UTF_8))
                .link(GEN_1_2, GEN_1_1)
                .entry(GEN_1_3, "third".getBytes(UTF_8))
                .conf("ModDrv=zText\nEncoding=UTF-8").writeTo(library, "Links");
        try (ZTextReader reader = ZTextReader.open(module)) {
            assertThat(reader.slotReport().linkedTo()).containsExactly(Map.entry(GEN_1_2, GEN_1_1));
            assertThat(reader.entries().map(SwordEntry::key)).containsExactly(GEN_1_1, GEN_1_3);
            assertThat(reader.slots().filter(e -> !e.isEmpty()).map(SwordEntry::markup)).containsExactly("first", "first", "third");
            assertThat(reader.read(GEN_1_2)).contains("first");
            assertThat(reader.slots().count()).isEqualTo(32_360);
        }
    }

    @Test
    void decodesByDeclaredEncodingAndGuessesWhenNoneIsDeclared(@TempDir Path library) throws IOException {
        byte[] latin1 = "caf\u00e9".getBytes(ISO_8859_1);
        byte[] utf8 = "caf\u00e9".getBytes(UTF_8);
        SwordModule declaredLatin1 = new SyntheticModule().entry(GEN_1_1, latin1).entry(GEN_1_2, utf8)
                .conf("ModDrv=zText\nEncoding=Latin-1").writeTo(library, "Latin");
        SwordModule undeclared = new SyntheticModule().entry(GEN_1_1, latin1).entry(GEN_1_2, utf8)
                .conf("ModDrv=zText").writeTo(library, "Undeclared");
        SwordModule declaredUtf8 = new SyntheticModule().entry(GEN_1_2, utf8)
                .conf("ModDrv=zText\nEncoding=UTF-8").writeTo(library, "Utf");
        try (ZTextReader latin = ZTextReader.open(declaredLatin1);
             ZTextReader guess = ZTextReader.open(undeclared);
             ZTextReader utf = ZTextReader.open(declaredUtf8)) {
            assertThat(latin.read(GEN_1_1)).contains("caf\u00e9");
            assertThat(latin.read(GEN_1_2)).contains("caf\u00c3\u00a9");
            assertThat(guess.read(GEN_1_1)).contains("caf\u00e9");
            assertThat(guess.read(GEN_1_2)).contains("caf\u00e9");
            assertThat(utf.read(GEN_1_2)).contains("caf\u00e9");
        }
    }

    @Test
    void entriesAreNormalisedLikeSwordsRawEntry(@TempDir Path library) throws IOException {
        SwordModule module = new SyntheticModule()
                .entry(GEN_1_1, "\n\nalpha\nbeta  \n ".getBytes(UTF_8))
                .entry(GEN_1_2, "a\r\nb\n\nc".getBytes(UTF_8))
                .conf("ModDrv=zText\nEncoding=UTF-8").writeTo(library, "Prep");
        try (ZTextReader reader = ZTextReader.open(module)) {
            assertThat(reader.read(GEN_1_1)).contains("alpha beta");
            // CR becomes LF; a blank line keeps one LF and, as in SWORD, a space before the next text.
            assertThat(reader.read(GEN_1_2)).contains("a\nb\n c");
        }
        assertThat(EntryDecoder.prepText(" ")).isEqualTo(" ");
        assertThat(EntryDecoder.prepText("x \n")).isEqualTo("x");
    }

    @Test
    void refusesWhatItCannotRead(@TempDir Path library) throws IOException {
        SwordModule lexicon = InstalledSword.module("StrongsGreek");
        assertThatThrownBy(() -> ZTextReader.open(lexicon)).isInstanceOf(SwordFormatException.class).hasMessageContaining("zLD");
        SwordModule lzss = new SyntheticModule().conf("ModDrv=zText\nCompressType=LZSS").writeTo(library, "Lzss");
        assertThatThrownBy(() -> ZTextReader.open(lzss)).isInstanceOf(SwordFormatException.class).hasMessageContaining("LZSS");
        SwordModule unknown = new SyntheticModule().conf("ModDrv=zText\nVersification=Nowhere").writeTo(library, "Unknown");
        assertThatThrownBy(() -> ZTextReader.open(unknown)).isInstanceOf(SwordFormatException.class).hasMessageContaining("Nowhere");
    }
}
