package org.gospelib.ingest.internal.osis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StrongsNumbersTest {

    @Test
    void dropsLeadingZeros() {
        assertThat(StrongsNumbers.parse("strong:H0430")).containsExactly("H430");
        assertThat(StrongsNumbers.parse("strong:G0026")).containsExactly("G26");
        assertThat(StrongsNumbers.parse("strong:H0000")).containsExactly("H0");
    }

    @Test
    void onePrefixMayCoverSeveralNumbers() {
        assertThat(StrongsNumbers.parse("strong:G1234 G5678")).containsExactly("G1234", "G5678");
        assertThat(StrongsNumbers.parse("strong:H0430 strong:H0433")).containsExactly("H430", "H433");
    }

    @Test
    void skipsOtherLemmaSchemesAndTheirContinuations() {
        assertThat(StrongsNumbers.parse("strong:G3588 lemma.TR:ὁ G9999")).containsExactly("G3588");
        assertThat(StrongsNumbers.parse("lemma.TR:λόγος strong:G3056")).containsExactly("G3056");
        assertThat(StrongsNumbers.parse("x-foo:H1")).isEmpty();
    }

    @Test
    void normalisesCaseSuffixesAndDuplicates() {
        assertThat(StrongsNumbers.parse("strong:h1254a  strong:H1254b")).containsExactly("H1254");
        assertThat(StrongsNumbers.parse("  ")).isEmpty();
        assertThat(StrongsNumbers.parse("strong:430")).isEmpty();
        assertThat(StrongsNumbers.normalize("G02424")).contains("G2424");
        assertThat(StrongsNumbers.normalize("X1")).isEmpty();
    }
}
