package org.gospelib.ingest.internal.sword;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checks the zLD reader against SWORD's own exporter, entry by entry: same keys in the same
 * order, same markup, and every key found again by look-up.
 */
class ZLdReaderCrossCheckTest {

    /**
     * Some keys are stored twice, each with its own entry, and SWORD's exporter prints both:
     * Nave has two REVERENCE and two SIN topics, StrongsHebrew two copies of 02200. A look-up
     * finds the first.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"Nave, 5322, 5320", "StrongsGreek, 5624, 5624", "StrongsHebrew, 8675, 8674"})
    void everyEntryMatchesSwordsExport(String module, int expectedEntries, int distinctKeys) throws IOException {
        List<Mod2Imp.Entry> sword = Mod2Imp.export(module, Optional.empty());
        ZLdReader reader = InstalledSword.openLexicon(module);
        List<LexiconEntry> ours = reader.entries().toList();

        assertThat(sword).hasSize(expectedEntries);
        assertThat(ours).hasSize(sword.size());
        assertThat(reader.size()).isEqualTo(expectedEntries);
        assertThat(ours.stream().map(LexiconEntry::key).distinct().count()).isEqualTo(distinctKeys);
        List<String> mismatches = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ours.size() && mismatches.size() < 10; i++) {
            LexiconEntry entry = ours.get(i);
            Mod2Imp.Entry expected = sword.get(i);
            if (!entry.key().equals(expected.key())) mismatches.add("#" + i + " key " + entry.key() + " vs " + expected.key());
            else if (!entry.markup().equals(expected.markup())) mismatches.add("#" + i + " markup of " + expected.key());
            else if (seen.add(entry.key()) && !reader.read(entry.key()).orElse("").equals(expected.markup())) mismatches.add("#" + i + " look-up of " + expected.key());
        }
        assertThat(mismatches).as("entries differing from SWORD's export").isEmpty();
    }
}
