package org.gospelib.assistant;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The questions a reader asked the assistant and the answers they got, for their export. */
public interface AssistantHistory {

    /** Every exchange of the reader, oldest first. */
    List<Exchange> of(UUID userId);

    /**
     * A question and its answer as the reader saw it.
     *
     * @param answer    the answer's text, each verified citation as its OSIS reference in brackets
     * @param citations the verified citations, in the order they appear
     * @param source    what wrote the answer: {@code extractive}, {@code anthropic}, {@code openai} or {@code ollama}
     */
    record Exchange(UUID id, Instant askedAt, String translation, String question, String answer, List<String> citations,
            String source) {
        public Exchange {
            citations = List.copyOf(citations);
        }
    }
}
