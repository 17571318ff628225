package org.gospelib.ingest.internal.lexicon;

import java.util.List;
import java.util.Objects;

/**
 * A topic of Nave's Topical Bible.
 *
 * @param key              the module's key ({@code ANGEL (A SPIRIT)}), what other topics link to
 * @param name             the name as the entry writes it ({@code ANGEL (a spirit)})
 * @param subheadings      the reference lists in entry order, the main list (heading {@code ""})
 *                         first when there is one; headings without references are left out
 * @param seeAlsoTopicKeys the keys of the topics the entry refers to, in order, each once; not
 *                         every one of them is a key of the module (Nave links to some topics
 *                         by names it files under another key)
 */
public record Topic(String key, String name, List<Subheading> subheadings, List<String> seeAlsoTopicKeys) {

    public Topic {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        subheadings = List.copyOf(subheadings);
        seeAlsoTopicKeys = List.copyOf(seeAlsoTopicKeys);
    }

    /** How many references the topic gives, over all its subheadings. */
    public int refCount() {
        return subheadings.stream().mapToInt(s -> s.osisRefs().size()).sum();
    }
}
