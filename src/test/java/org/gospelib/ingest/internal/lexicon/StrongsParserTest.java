package org.gospelib.ingest.internal.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Fields and links, on made-up entries shaped like Strong's. */
class StrongsParserTest {

    @Test
    void readsTheFieldsOfAGreekEntry() {
        String markup = """
                <entryFree n="00077">  <orth>λόγος</orth> <orth type="writing">LO/GOS</orth>
                  <orth rend="bold" type="trans">lógos</orth> <pron rend="italic">log'-os</pron><lb/> <lb/>
                  <def><orig>from <ref target="StrongsGreek:3004">G3004</ref> and <ref target="StrongsGreek:0175">H0175</ref>;</orig><lb/>
                  a made-up   definition:--word. </def> <orth>λόγιον</orth> <def>a second form.</def> </entryFree>""";
        StrongsEntry entry = StrongsParser.parse(StrongsDictionary.GREEK, "00077", markup).orElseThrow();
        assertThat(entry.id()).isEqualTo("G77");
        assertThat(entry.lemma()).isEqualTo("λόγος");
        assertThat(entry.transliteration()).isEqualTo("lógos");
        assertThat(entry.pronunciation()).isEqualTo("log'-os");
        assertThat(entry.definition()).isEqualTo("from G3004 and H0175; a made-up definition:--word. a second form.");
        assertThat(entry.links()).containsExactly("G3004", "H175");
    }

    @Test
    void readsAHebrewEntryWithStyledTransliteration() {
        String markup = """
                <entryFree n="12"> <orth>אב</orth><lb/> <orth rend="bold" type="trans">z<hi rend="super">e</hi>b</orth>
                 <pron rend="italic">zeb</pron><lb/> <def>From <ref target="StrongsHebrew:0011">H11</ref>; see <ref osisRef="Gen.1.1">Ge 1:1</ref>.</def></entryFree>""";
        StrongsEntry entry = StrongsParser.parse(StrongsDictionary.HEBREW, "00012", markup).orElseThrow();
        assertThat(entry.id()).isEqualTo("H12");
        assertThat(entry.transliteration()).isEqualTo("zeb");
        assertThat(entry.definition()).isEqualTo("From H11; see Ge 1:1.");
        assertThat(entry.links()).containsExactly("H11");
    }

    @Test
    void unusedNumbersAndOddKeysYieldNothing() {
        assertThat(StrongsParser.parse(StrongsDictionary.GREEK, "02717", "<entryFree n=\"02717\"> <def>Not Used </def> </entryFree>")).isEmpty();
        assertThat(StrongsParser.parse(StrongsDictionary.GREEK, "ABC", "<entryFree><orth>x</orth></entryFree>")).isEmpty();
    }

    @Test
    void trustsThePrintedLetterOnlyWhenTheNumbersAgree() {
        assertThat(StrongsParser.link("StrongsGreek:0175", "H0175")).contains("H175");
        assertThat(StrongsParser.link("StrongsGreek:175", "G175")).contains("G175");
        assertThat(StrongsParser.link("StrongsGreek:175", "H176")).contains("G175");
        assertThat(StrongsParser.link("Nave:GOD", "GOD")).isEmpty();
    }
}
