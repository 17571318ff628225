package org.gospelib.assistant.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The writers an answer is asked of, in order: the configured language models, each with its
 * prices, then the extractive writer, which needs nothing and cannot fail.
 */
record Writers(List<Priced> models, ExtractiveWriter extractive) {

    Writers {
        models = List.copyOf(models);
    }

    /** A language model's writer and the provider settings that price its tokens. */
    record Priced(AnswerWriter writer, AssistantProperties.Provider provider) {
    }

    /** What may answer, for the answer cache's key: answers of other writers are not reused. */
    String signature() {
        List<String> names = new ArrayList<>();
        for (Priced p : models) names.add(p.writer().name() + ":" + p.provider().model());
        names.add(extractive.name());
        return String.join(",", names);
    }
}
