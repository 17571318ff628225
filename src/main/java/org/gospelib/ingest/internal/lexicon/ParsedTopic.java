package org.gospelib.ingest.internal.lexicon;

import java.util.List;
import java.util.Objects;

/**
 * A topic and what was wrong with its entry.
 *
 * @param topic    the topic, with every usable reference
 * @param problems references left out and why, one line each ({@code not an OSIS reference: Gen.x})
 */
public record ParsedTopic(Topic topic, List<String> problems) {

    public ParsedTopic {
        Objects.requireNonNull(topic, "topic");
        problems = List.copyOf(problems);
    }
}
