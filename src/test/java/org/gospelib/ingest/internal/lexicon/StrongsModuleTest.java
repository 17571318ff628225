package org.gospelib.ingest.internal.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.gospelib.ingest.internal.sword.InstalledSword;
import org.gospelib.ingest.internal.sword.ZLdReader;
import org.junit.jupiter.api.Test;

/** Every entry of the installed Strong's dictionaries. */
class StrongsModuleTest {

    private static Map<String, StrongsEntry> read(String module, StrongsDictionary expected) {
        ZLdReader reader = InstalledSword.openLexicon(module);
        assertThat(StrongsDictionary.of(reader.module().conf())).contains(expected);
        List<StrongsEntry> entries = StrongsParser.parseAll(expected, reader.entries());
        return entries.stream().collect(Collectors.toMap(StrongsEntry::id, Function.identity(), (a, b) -> a,
                LinkedHashMap::new));
    }

    @Test
    void greek() {
        Map<String, StrongsEntry> greek = read(InstalledSword.STRONGS_GREEK, StrongsDictionary.GREEK);
        // 5,624 keys, of which 101 are numbers Strong left unused (G2717, G3203-G3302).
        assertThat(greek).hasSize(5_523).containsKeys("G1", "G5624").doesNotContainKeys("G2717", "G3203", "G3302");
        StrongsEntry agape = greek.get("G26");
        assertThat(agape.lemma()).isEqualTo("ἀγάπη");
        assertThat(agape.transliteration()).isNotBlank();
        assertThat(agape.pronunciation()).isNotBlank();
        assertThat(agape.links()).contains("G25");
        assertThat(greek.values()).allSatisfy(e -> {
            assertThat(e.definition()).isNotBlank().doesNotContain("<", "  ");
            assertThat(e.links()).allMatch(l -> l.matches("[GH][1-9]\\d*"));
        });
        // The links printed as H numbers but targeting StrongsGreek, read as Hebrew.
        assertThat(greek.get("G2").links()).containsExactly("H175");
        long hebrewLinks = greek.values().stream().flatMap(e -> e.links().stream()).filter(l -> l.startsWith("H")).count();
        assertThat(hebrewLinks).isEqualTo(317);
        long allLinks = greek.values().stream().mapToLong(e -> e.links().size()).sum();
        // 7,063 link elements, 7 of them repeating a link of the same entry.
        assertThat(allLinks).isEqualTo(7_056);
    }

    @Test
    void hebrew() {
        Map<String, StrongsEntry> hebrew = read(InstalledSword.STRONGS_HEBREW, StrongsDictionary.HEBREW);
        // 8,675 keys: 02200 is stored twice.
        assertThat(hebrew).hasSize(8_674).containsKeys("H1", "H8674");
        StrongsEntry elohim = hebrew.get("H430");
        // The module gives unpointed consonants: no vowel points anywhere in its headwords.
        assertThat(elohim.lemma()).isEqualTo("אלהים");
        assertThat(elohim.transliteration()).isNotBlank();
        assertThat(elohim.pronunciation()).isNotBlank();
        assertThat(elohim.links()).containsExactly("H433");
        assertThat(hebrew.values()).allSatisfy(e -> {
            assertThat(e.definition()).isNotBlank().doesNotContain("<", "  ");
            assertThat(e.links()).allMatch(l -> l.matches("H[1-9]\\d*"));
        });
        long allLinks = hebrew.values().stream().mapToLong(e -> e.links().size()).sum();
        // Distinct per entry; the Scripture references some definitions give are not links.
        assertThat(allLinks).isEqualTo(7_899);
    }
}
