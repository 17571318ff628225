package org.gospelib.ingest.internal.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The entry layout, on made-up entries shaped like Nave's. */
class NaveParserTest {

    private static final String ENTRY = """
            <entryFree n="LAMP (oil)">
            <def>
            <lb/><ref osisRef="Gen.1.3">Ge 1:3</ref>; <ref osisRef="Gen.1.4-Gen.1.5">4-5</ref>
            <lb/>\u2192 TRIMMED, at evening <ref osisRef="Exod.27.20">Ex 27:20</ref>, <ref osisRef="Lev.24">Le 24</ref>
            <lb/>\u2192 FIGURATIVE
            <list>
            <item>Of the word <ref osisRef="Ps.119.105">Ps 119:105</ref>; see also <ref target="Nave:WORD">WORD</ref></item>
            <item>See <ref target="Nave:LIGHT">LIGHT</ref>, of the world</item>
            <item>Again <ref target="Nave:WORD">WORD</ref></item>
            </list>
            <lb/>\u2192 Broken <ref osisRef="Gen.x.1">Ge x</ref> and <ref osisRef="Col.8.16">Col 8:16</ref>
            </def>
            </entryFree>""";

    @Test
    void readsHeadingsReferencesAndLinks() {
        ParsedTopic parsed = NaveParser.parse("LAMP (OIL)", ENTRY);
        Topic topic = parsed.topic();

        assertThat(topic.key()).isEqualTo("LAMP (OIL)");
        assertThat(topic.name()).isEqualTo("LAMP (oil)");
        assertThat(topic.subheadings()).containsExactly(
                new Subheading("", List.of("Gen.1.3", "Gen.1.4-Gen.1.5")),
                new Subheading("TRIMMED, at evening", List.of("Exod.27.20", "Lev.24")),
                new Subheading("FIGURATIVE — Of the word", List.of("Ps.119.105")),
                new Subheading("Broken", List.of("Col.8.16")));
        assertThat(topic.seeAlsoTopicKeys()).containsExactly("WORD", "LIGHT");
        assertThat(topic.refCount()).isEqualTo(6);
        assertThat(parsed.problems()).containsExactly("not an OSIS reference: Gen.x.1");
    }

    @Test
    void neverFailsOnBrokenMarkup() {
        ParsedTopic parsed = NaveParser.parse("X", "<entryFree><def><lb/>text <ref osisRef=\"Gen.1.1\">Ge <item>1</def");
        assertThat(parsed.topic().name()).isEqualTo("X");
        assertThat(parsed.topic().refCount()).isEqualTo(1);
    }

    @Test
    void expandsTopicsIntoVersesAndReportsWhatTheVersificationLacks() {
        Topic topic = NaveParser.parse("LAMP (OIL)", ENTRY).topic();
        TopicVerses verses = TopicVerses.expand(topic, org.gospelib.scripture.Versification.kjv());
        // Gen 1:3-5, Exod 27:20, the 23 verses of Lev 24, Ps 119:105.
        assertThat(verses.verses()).hasSize(3 + 1 + 23 + 1);
        assertThat(verses.invalidRefs()).containsExactly("Col.8.16");
    }
}
