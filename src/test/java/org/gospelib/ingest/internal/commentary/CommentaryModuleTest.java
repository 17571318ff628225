package org.gospelib.ingest.internal.commentary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.gospelib.ingest.internal.sword.EntryKey;
import org.gospelib.ingest.internal.sword.SwordModule;
import org.gospelib.ingest.internal.sword.ZTextReader;
import org.gospelib.ingest.internal.sword.InstalledSword;
import org.gospelib.scripture.VerseRef;
import org.gospelib.scripture.Versification;
import org.junit.jupiter.api.Test;

/** Every entry of the three installed commentaries. */
class CommentaryModuleTest {

    private static final Pattern REFERENCE = Pattern.compile("<reference\\b");

    @Test
    void matthewHenryConciseCoversVerseRanges() throws IOException {
        List<CommentaryEntry> entries = parse("MHCC");

        assertThat(entries).hasSize(4_047);
        // Most entries stand for several verses, stored once and linked to the rest; a short chapter
        // commented in one piece ("Chapter 23", no verse heading) is followed by empty slots instead.
        assertThat(entries.stream().filter(e -> !e.start().equals(e.end())).count()).isEqualTo(3_561);
        assertThat(entries).filteredOn(e -> e.start().equals(VerseRef.of("Ps", 23, 1))).singleElement()
                .satisfies(e -> assertThat(e.end()).isEqualTo(VerseRef.of("Ps", 23, 6)));
        // Together the entries cover all but 125 of the KJV's 31,102 verses, and never overlap.
        assertThat(coveredVerses(entries)).isEqualTo(30_977);
        assertThat(entries.getFirst().start()).isEqualTo(VerseRef.of("Gen", 1, 1));
        assertThat(entries.getFirst().end()).isEqualTo(VerseRef.of("Gen", 1, 2));
        assertThat(entries.getFirst().title()).isEqualTo("Verses 1-2");
        assertThat(markedReferences("MHCC")).isEqualTo(1_204);
        assertThat(unresolved(entries)).isEqualTo(1);
        // 1,466 before the parser read "and", "to" and verse words between numbers
        assertThat(cited(entries)).isEqualTo(1_468);
        assertWellFormed(entries);
    }

    @Test
    void scofieldHasOneEntryPerVerse() throws IOException {
        List<CommentaryEntry> entries = parse("Scofield");

        assertThat(entries).hasSize(3_207);
        assertThat(entries).allSatisfy(e -> assertThat(e.end()).isEqualTo(e.start()));
        assertThat(entries.getFirst().title()).isEqualTo("Book Introduction - Genesis");
        assertThat(entries.get(1).title()).isEqualTo("without form and void");
        // 9,642 in the whole module; the other 27 sit in book and chapter heading slots, which hold no note.
        assertThat(markedReferences("Scofield")).isEqualTo(9_615);
        // 165 before the parser read misspellings, "and", "to" and verse words
        assertThat(unresolved(entries)).isEqualTo(119);
        assertThat(cited(entries)).isEqualTo(10_561); // 10,498 before
        assertWellFormed(entries);
    }

    @Test
    void treasuryOfDavidIsCutIntoVerseSections() throws IOException {
        List<CommentaryEntry> entries = parse("TDavid");

        assertThat(entries.stream().map(e -> e.start().chapter()).distinct().count()).isEqualTo(150);
        assertThat(entries).allSatisfy(e -> assertThat(e.start().book()).isEqualTo("Ps"));
        // 13,674 sections: per psalm an introduction covering the whole psalm (overview, title,
        // division), then one section per verse marker of the exposition, of each quoted note and
        // of each preacher's hint, and a psalm-wide section for each part's preamble.
        assertThat(entries).hasSize(13_674);
        assertThat(coveredVerses(entries)).isEqualTo(2_461);
        assertThat(markedReferences("TDavid")).isEqualTo(7_104);
        assertThat(unresolved(entries)).isEqualTo(22);
        // 7,825 before the parser read "and", "to" and verse words between numbers
        assertThat(cited(entries)).isEqualTo(7_874);
        assertWellFormed(entries);
    }

    private static void assertWellFormed(List<CommentaryEntry> entries) {
        assertThat(entries).allSatisfy(e -> {
            // No markup left (a lone "<" in Scofield's text is the author's).
            assertThat(e.text()).isNotBlank().doesNotContainPattern("<(?:/?[a-z]+\\b[^>]*|[a-z]+/)>")
                    .doesNotContain("  ", "\n\n\n");
            assertThat(e.end().book()).isEqualTo(e.start().book());
        });
    }

    /** Distinct KJV verses covered; for MHCC also checks that no two entries overlap. */
    private static int coveredVerses(List<CommentaryEntry> entries) {
        Versification kjv = Versification.kjv();
        Set<VerseRef> covered = new HashSet<>();
        int total = 0;
        for (CommentaryEntry e : entries) {
            for (int o = kjv.ordinal(e.start()); o <= kjv.ordinal(e.end()); o++, total++) covered.add(kjv.verseAt(o));
        }
        if (entries.getFirst().module().equals("MHCC")) assertThat(total).isEqualTo(covered.size());
        return covered.size();
    }

    private static List<CommentaryEntry> parse(String module) throws IOException {
        return CommentaryParser.parse(InstalledSword.installed(module));
    }

    /** {@code <reference>} elements in the module's verse entries, counted in the raw markup. */
    private static long markedReferences(String name) throws IOException {
        SwordModule module = InstalledSword.installed(name);
        try (ZTextReader reader = ZTextReader.open(module); var entries = reader.entries()) {
            return entries.filter(e -> e.key() instanceof EntryKey.Verse)
                    .mapToLong(e -> REFERENCE.matcher(e.markup()).results().count()).sum();
        }
    }

    private static int unresolved(List<CommentaryEntry> entries) {
        return entries.stream().mapToInt(CommentaryEntry::unresolvedCitations).sum();
    }

    private static long cited(List<CommentaryEntry> entries) {
        return entries.stream().mapToLong(e -> e.citedOsis().size()).sum();
    }
}
