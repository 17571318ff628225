package org.gospelib.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NaveJudgmentsTest {

    @Test
    void queriesAreWhatAReaderWouldType() {
        assertThat(NaveJudgments.query("ABSALOM")).isEqualTo("absalom");
        assertThat(NaveJudgments.query("REBEKAH (REBECCA)")).isEqualTo("rebekah");
        assertThat(NaveJudgments.query("SIN, CONFESSION OF")).isEqualTo("confession of sin");
        assertThat(NaveJudgments.query("LOT, THE")).isEqualTo("the lot");
    }

    @Test
    void keysThatAreNotPlainShortQueriesAreLeftOut() {
        assertThat(NaveJudgments.query("JESUS, THE CHRIST, MIRACLES OF")).isNull();
        assertThat(NaveJudgments.query("LOVE OF GOD FOR MAN")).isNull();
        assertThat(NaveJudgments.query("ABI-ALBON")).isNull();
    }
}
