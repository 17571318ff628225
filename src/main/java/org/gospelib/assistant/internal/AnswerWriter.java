package org.gospelib.assistant.internal;

import java.util.function.Consumer;

/**
 * Writes an answer from what retrieval found, as a stream of text in which citations are OSIS
 * references in brackets ({@code [John.3.16]}) and scripture is quoted in double quotes just
 * before its citation. What it writes goes through a {@link CitationGate} before the reader sees it.
 */
interface AnswerWriter {

    /** What wrote an answer, as stored and counted: {@code extractive}, {@code anthropic}, {@code openai}, {@code ollama}. */
    String name();

    /**
     * Streams the answer to {@code out}, returning when it is complete.
     *
     * @throws WriterFailed if the writer could not finish: an error, a timeout or a refusal to serve
     */
    Usage write(Question question, Retrieved retrieved, Consumer<String> out);

    /** Tokens the provider counted for one answer; zero for the extractive writer. */
    record Usage(long inputTokens, long outputTokens) {
        static final Usage NONE = new Usage(0, 0);
    }

    /** A writer that could not finish; {@code partial} when it had already written something. */
    final class WriterFailed extends RuntimeException {
        private final boolean partial;

        WriterFailed(String message, boolean partial, Throwable cause) {
            super(message, cause);
            this.partial = partial;
        }

        boolean partial() {
            return partial;
        }
    }
}
