package org.gospelib.ingest.internal.sword;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gospelib.scripture.Testament;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checks the reader against SWORD's own exporter, entry by entry: same keys in the same order,
 * same markup. SWORD's exporter prints every slot of a Bible (empty and linked ones included)
 * but, for a commentary, each stored entry once.
 */
class ZTextReaderCrossCheckTest {

    private static final Pattern SWORD_KEY = Pattern.compile("(.+) (\\d+):(\\d+)");

    @ParameterizedTest(name = "{0}")
    @CsvSource({"engKJV2006eb, 32360", "engWEB2015eb, 39274", "spaRV1909eb, 32360"})
    void everySlotOfABibleMatchesSwordsExport(String module, int expectedSlots) throws IOException {
        List<Mod2Imp.Entry> sword = Mod2Imp.export(module, Optional.empty());
        assertThat(sword).hasSize(expectedSlots);
        // our slots compared as they are read, never all held: the test runs beside the whole
        // application in a heap of the size users get, and a Bible's markup twice over is a lot of it
        try (ZTextReader reader = InstalledSword.open(module)) {
            assertSameEntries(reader.slots().iterator(), sword);
        }
    }

    @Test
    void mhccIsReadAsZComDespiteItsConfAndMatchesSwordWithACorrectedConf(@TempDir Path library) throws IOException {
        SwordModule installed = InstalledSword.module(InstalledSword.MHCC);
        assertThat(installed.conf().driver()).contains("zCom4");

        // SWORD itself needs a corrected conf to read MHCC: a private library whose conf says
        // zCom and whose data directory points at the installed files.
        Path data = installed.dataPath().orElseThrow();
        Path relative = InstalledSword.root().relativize(data);
        Files.createDirectories(library.resolve("mods.d"));
        Files.createDirectories(library.resolve(relative).getParent());
        Files.createSymbolicLink(library.resolve(relative), data);
        String conf = Files.readString(installed.confFile()).replace("ModDrv=zCom4", "ModDrv=zCom");
        Files.writeString(library.resolve("mods.d/mhcc.conf"), conf);

        List<Mod2Imp.Entry> sword = Mod2Imp.export(InstalledSword.MHCC, Optional.of(library));
        List<SwordEntry> ours;
        try (ZTextReader reader = InstalledSword.open(InstalledSword.MHCC)) {
            assertThat(reader.indexRecordSize()).isEqualTo(10);
            ours = reader.entries().toList();
        }
        assertThat(ours).hasSize(sword.size());
        assertSameEntries(ours, sword);
        assertThat(ours.stream().filter(e -> e.key() instanceof EntryKey.Verse).count()).isEqualTo(4047);
    }

    @Test
    void scofieldMatchesSwordsExportEntryByEntry() throws IOException {
        List<Mod2Imp.Entry> sword = Mod2Imp.export("Scofield", Optional.empty());
        List<SwordEntry> ours;
        try (ZTextReader reader = InstalledSword.open("Scofield")) {
            ours = reader.entries().toList();
        }
        assertThat(ours).hasSize(sword.size());
        assertSameEntries(ours, sword);
    }

    /** Compares keys (SWORD's English book names mapped consistently onto OSIS ids) and markup. */
    private static void assertSameEntries(List<SwordEntry> ours, List<Mod2Imp.Entry> sword) {
        assertThat(ours).hasSize(sword.size());
        assertSameEntries(ours.iterator(), sword);
    }

    private static void assertSameEntries(java.util.Iterator<SwordEntry> ours, List<Mod2Imp.Entry> sword) {
        Map<String, String> swordNameOf = new HashMap<>();
        Map<String, String> osisOf = new HashMap<>();
        List<String> mismatches = new ArrayList<>();
        int i = 0;
        for (; ours.hasNext(); i++) {
            SwordEntry entry = ours.next();
            if (i >= sword.size()) {
                mismatches.add("more entries than SWORD's " + sword.size());
                break;
            }
            Mod2Imp.Entry expected = sword.get(i);
            String key = expected.key();
            boolean sameKey = switch (entry.key()) {
                case EntryKey.ModuleHeading m -> key.equals("[ Module Heading ]");
                case EntryKey.TestamentHeading t -> key.equals("[ Testament " + (t.testament() == Testament.OT ? 1 : 2) + " Heading ]");
                case EntryKey.BookIntro b -> sameVerseKey(key, b.book(), 0, 0, swordNameOf, osisOf);
                case EntryKey.ChapterHeading c -> sameVerseKey(key, c.book(), c.chapter(), 0, swordNameOf, osisOf);
                case EntryKey.Verse v -> sameVerseKey(key, v.ref().book(), v.ref().chapter(), v.ref().verse(), swordNameOf, osisOf);
            };
            if (!sameKey) mismatches.add("#" + i + " key " + entry.key().label() + " vs " + key);
            else if (!entry.markup().equals(expected.markup())) mismatches.add("#" + i + " markup of " + key);
            if (mismatches.size() >= 10) break;
        }
        assertThat(mismatches).as("entries differing from SWORD's export").isEmpty();
        assertThat(i).as("entries read").isEqualTo(sword.size());
        assertThat(swordNameOf).containsEntry("Gen", "Genesis").containsEntry("1Sam", "I Samuel")
                .containsEntry("Rev", "Revelation of John");
    }

    private static boolean sameVerseKey(String swordKey, String osisBook, int chapter, int verse,
                                        Map<String, String> swordNameOf, Map<String, String> osisOf) {
        Matcher m = SWORD_KEY.matcher(swordKey);
        if (!m.matches() || Integer.parseInt(m.group(2)) != chapter || Integer.parseInt(m.group(3)) != verse) return false;
        String name = m.group(1);
        // The book-name correspondence must be one-to-one over the whole module.
        return swordNameOf.computeIfAbsent(osisBook, b -> name).equals(name)
                && osisOf.computeIfAbsent(name, n -> osisBook).equals(osisBook);
    }
}
