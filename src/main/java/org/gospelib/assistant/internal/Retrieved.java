package org.gospelib.assistant.internal;

import java.util.List;

/**
 * What retrieval found for a question.
 *
 * @param translation the translation the verses are in
 * @param sources     best first: verses, then topics, commentary and lexicon entries
 * @param relevant    whether the verses found bear on the question at all; if not, the answer says so
 * @param similarity  how close the best verse's meaning is to the question's (cosine of their embeddings)
 * @param whole       false when a search index was still being built: the verses are those of words alone,
 *                    and an answer from them is not kept for others asking the same
 */
record Retrieved(String translation, List<Source> sources, boolean relevant, double similarity, boolean whole) {

    Retrieved {
        sources = List.copyOf(sources);
    }

    Retrieved(String translation, List<Source> sources, boolean relevant, double similarity) {
        this(translation, sources, relevant, similarity, true);
    }

    List<Source> of(Source.Kind kind) {
        return sources.stream().filter(s -> s.kind() == kind).toList();
    }
}
