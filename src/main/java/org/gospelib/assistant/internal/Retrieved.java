package org.gospelib.assistant.internal;

import java.util.List;

/**
 * What retrieval found for a question.
 *
 * @param translation the translation the verses are in
 * @param sources     best first: verses, then topics, commentary and lexicon entries
 * @param relevant    whether the verses found bear on the question at all; if not, the answer says so
 * @param similarity  how close the best verse's meaning is to the question's (cosine of their embeddings)
 */
record Retrieved(String translation, List<Source> sources, boolean relevant, double similarity) {

    Retrieved {
        sources = List.copyOf(sources);
    }

    List<Source> of(Source.Kind kind) {
        return sources.stream().filter(s -> s.kind() == kind).toList();
    }
}
