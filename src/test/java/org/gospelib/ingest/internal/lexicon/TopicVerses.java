package org.gospelib.ingest.internal.lexicon;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.gospelib.scripture.OsisRange;
import org.gospelib.scripture.VerseRef;
import org.gospelib.scripture.Versification;

/**
 * The verses a topic points to in one versification: its references expanded into verses.
 *
 * @param topicKey    the topic's key
 * @param verses      each verse once, in the order the topic first reaches it
 * @param invalidRefs references the versification does not have ({@code Col.8.16}), as often as
 *                    the topic gives them
 */
public record TopicVerses(String topicKey, List<VerseRef> verses, List<String> invalidRefs) {

    public TopicVerses {
        Objects.requireNonNull(topicKey, "topicKey");
        verses = List.copyOf(verses);
        invalidRefs = List.copyOf(invalidRefs);
    }

    /** Expands every reference of a topic; a reference the versification lacks is reported, not expanded. */
    public static TopicVerses expand(Topic topic, Versification versification) {
        Set<VerseRef> verses = new LinkedHashSet<>();
        List<String> invalid = new ArrayList<>();
        for (Subheading subheading : topic.subheadings()) {
            for (String ref : subheading.osisRefs()) {
                try {
                    verses.addAll(OsisRange.parse(ref).verses(versification));
                } catch (IllegalArgumentException e) {
                    // ReferenceParseException is one too: a malformed or out-of-range reference.
                    invalid.add(ref);
                }
            }
        }
        return new TopicVerses(topic.key(), new ArrayList<>(verses), invalid);
    }
}
