package org.gospelib.ingest.internal.sword;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;

import org.junit.jupiter.api.Test;

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
    void refusesModulesOfOtherDrivers() {
        assertThatThrownBy(() -> ZLdReader.open(InstalledSword.module(InstalledSword.KJV)))
                .isInstanceOf(SwordFormatException.class).hasMessageContaining("not zLD");
    }
}
