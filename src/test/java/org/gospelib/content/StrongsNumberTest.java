package org.gospelib.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StrongsNumberTest {

    @Test
    void readsStrongsNumbersAsWrittenIntoTheLexiconsForm() {
        assertThat(ReferenceLibrary.strongsNumber("G26")).hasValue("G26");
        assertThat(ReferenceLibrary.strongsNumber(" h0430 ")).hasValue("H430");
        assertThat(ReferenceLibrary.strongsNumber("G00000")).hasValue("G0");
        assertThat(ReferenceLibrary.strongsNumber("H12345")).hasValue("H12345");
        assertThat(ReferenceLibrary.strongsNumber("H123456")).isEmpty();
        assertThat(ReferenceLibrary.strongsNumber("Q12")).isEmpty();
        assertThat(ReferenceLibrary.strongsNumber("G")).isEmpty();
        assertThat(ReferenceLibrary.strongsNumber("G2a")).isEmpty();
        assertThat(ReferenceLibrary.strongsNumber("G-26")).isEmpty();
        assertThat(ReferenceLibrary.strongsNumber("G" + "0".repeat(100) + "1")).isEmpty();
    }
}
