package org.gospelib.ingest.internal.sword;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Look-up rules and refusals of the zLD reader, on the installed dictionaries. */
class ZLdReaderTest {

    @Test
    void looksUpStrongsNumbersPaddedOrPrefixedWithTheDictionarysLanguage() throws IOException {
        ZLdReader hebrew = InstalledSword.openLexicon(InstalledSword.STRONGS_HEBREW);
        String elohim = hebrew.read("00430").orElseThrow();
        assertThat(elohim).startsWith("<entryFree n=\"430\">");
        assertThat(hebrew.read("430")).contains(elohim);
        assertThat(hebrew.read("H430")).contains(elohim);
        assertThat(hebrew.read("h0430")).contains(elohim);
        // A Greek number is not in the Hebrew dictionary, whatever its digits.
        assertThat(hebrew.read("G430")).isEmpty();
        assertThat(hebrew.read("99999")).isEmpty();
    }

    @Test
    void looksUpTopicsIgnoringCase() throws IOException {
        ZLdReader nave = InstalledSword.openLexicon(InstalledSword.NAVE);
        assertThat(nave.read("AARON")).isPresent();
        assertThat(nave.read("Aaron")).isEqualTo(nave.read("AARON"));
        assertThat(nave.read("NO SUCH TOPIC")).isEmpty();
    }

    @Test
    void followsLinksToTheirTargetsText(@TempDir Path library) throws IOException {
        SwordModule module = new SyntheticLexicon()
                .entry("ALPHA", "first\r\nline").entry("BETA", "second").entry("GAMMA", "third")
                .link("BETA2", "BETA").link("BETA3", "beta2")
                .writeTo(library, "Synth");
        ZLdReader reader = ZLdReader.open(module);

        List<LexiconEntry> ours = reader.entries().toList();
        assertThat(ours).extracting(LexiconEntry::key).containsExactly("ALPHA", "BETA", "BETA2", "BETA3", "GAMMA");
        assertThat(ours).extracting(LexiconEntry::markup).containsExactly("first\nline", "second", "second", "second", "third");
        assertThat(reader.read("beta3")).contains("second");
    }

    @Test
    void acceptsKeysEndedByABareLineFeed(@TempDir Path library) throws IOException {
        SwordModule module = new SyntheticLexicon().entry("ONE", "1").entry("TWO", "2").entry("THREE", "3")
                .link("UNO", "ONE").lfOnly().writeTo(library, "Lf");
        ZLdReader reader = ZLdReader.open(module);
        assertThat(reader.entries().map(e -> e.key() + "=" + e.markup()))
                .containsExactly("ONE=1", "THREE=3", "TWO=2", "UNO=1");
    }

    @Test
    void reportsLinksToMissingKeys(@TempDir Path library) throws IOException {
        SwordModule module = new SyntheticLexicon().entry("ONE", "1").link("TWO", "NOWHERE").writeTo(library, "Broken");
        assertThatThrownBy(() -> ZLdReader.open(module)).isInstanceOf(SwordFormatException.class)
                .hasMessageContaining("TWO links to missing key NOWHERE");
    }

    @Test
    void refusesModulesOfOtherDrivers() {
        assertThatThrownBy(() -> ZLdReader.open(InstalledSword.module(InstalledSword.KJV)))
                .isInstanceOf(SwordFormatException.class).hasMessageContaining("not zLD");
    }
}
