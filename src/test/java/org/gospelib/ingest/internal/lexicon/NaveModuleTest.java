package org.gospelib.ingest.internal.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.gospelib.ingest.internal.sword.InstalledSword;
import org.gospelib.scripture.Versification;
import org.junit.jupiter.api.Test;

/** Every topic of the installed Nave's Topical Bible. */
class NaveModuleTest {

    @Test
    void readsEveryTopic() {
        List<ParsedTopic> parsed = InstalledSword.openLexicon(InstalledSword.NAVE).entries().map(NaveParser::parse).toList();
        List<Topic> topics = parsed.stream().map(ParsedTopic::topic).toList();
        Set<String> keys = new HashSet<>();
        topics.forEach(t -> keys.add(t.key()));

        int refs = topics.stream().mapToInt(Topic::refCount).sum();
        int links = topics.stream().mapToInt(t -> t.seeAlsoTopicKeys().size()).sum();
        long linksToMissingTopics = topics.stream().flatMap(t -> t.seeAlsoTopicKeys().stream()).filter(k -> !keys.contains(k)).count();
        List<String> problems = parsed.stream().flatMap(p -> p.problems().stream()).toList();

        List<String> invalidInKjv = new ArrayList<>();
        long pairs = 0;
        for (Topic topic : topics) {
            TopicVerses verses = TopicVerses.expand(topic, Versification.kjv());
            pairs += verses.verses().size();
            verses.invalidRefs().forEach(r -> invalidInKjv.add(topic.key() + ": " + r));
        }

        // 5,322 entries under 5,320 keys: REVERENCE and SIN are stored twice, with different entries.
        assertThat(topics).hasSize(5322);
        assertThat(keys).hasSize(5320);
        // Every <ref osisRef> of the module is a well-formed OSIS reference and is kept.
        assertThat(problems).isEmpty();
        assertThat(refs).isEqualTo(77_935);
        // 4,368 topic links, of which 239 repeat a link of the same topic (one only by a trailing
        // space, "REDEMPTION " in SALVATION).
        assertThat(links).isEqualTo(4_129);
        // Nave links to some topics by names it files under another key (JESUS, WICKED).
        assertThat(linksToMissingTopics).isEqualTo(639);
        // Mis-tagged references the KJV does not have: Col.8.16 where the printed "Co 8:16" meant a
        // Corinthians letter, PrAzar.1.2 (12 times) where the text names a person, Wis.2, ...
        assertThat(invalidInKjv).as(String.join("\n", invalidInKjv)).hasSize(26);
        // Distinct verses per topic entry, summed.
        assertThat(pairs).isEqualTo(190_305);
        assertThat(topics).allSatisfy(t -> assertThat(t.name()).isNotBlank());
    }
}
