package org.gospelib.scripture;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class StrongsNumberTest {

    private static String id(String text) {
        return StrongsNumber.parse(text).map(StrongsNumber::id).orElse("none");
    }

    @Test
    void readsStrongsNumbersAsWrittenIntoTheLexiconsForm() {
        assertThat(id("G26")).isEqualTo("G26");
        assertThat(id(" h0430 ")).isEqualTo("H430");
        assertThat(id("G00000")).isEqualTo("G0");
        assertThat(id("H12345")).isEqualTo("H12345");
        // an augmented entry folds onto the plain one, wherever it is read
        assertThat(id("H1254a")).isEqualTo("H1254");
        assertThat(id("G2a")).isEqualTo("G2");
        assertThat(id("H123456")).isEqualTo("none");
        assertThat(id("Q12")).isEqualTo("none");
        assertThat(id("G")).isEqualTo("none");
        assertThat(id("Ga")).isEqualTo("none");
        assertThat(id("G2ab")).isEqualTo("none");
        assertThat(id("G-26")).isEqualTo("none");
        assertThat(id("G2 6")).isEqualTo("none");
        assertThat(id("G" + "0".repeat(100) + "1")).isEqualTo("none");
    }

    @Property(tries = 1000)
    void everyIdReadsBackAsItself(@ForAll @IntRange(max = 99_999) int number, @ForAll boolean hebrew) {
        StrongsNumber strongs = new StrongsNumber(hebrew ? 'H' : 'G', number);
        assertThat(StrongsNumber.parse(strongs.id())).hasValue(strongs);
        assertThat(StrongsNumber.parse(strongs.id().toLowerCase())).hasValue(strongs);
    }

    @Property(tries = 2000)
    void anyTextIsANumberOrNotNeverAnError(@ForAll String text) {
        assertThat(StrongsNumber.parse(text)).isNotNull();
    }
}
