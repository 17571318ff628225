package org.gospelib.assistant.internal;

import java.util.List;
import java.util.UUID;

/** What the reader is sent while a question is answered, in order: sources, parts (restarts), done. */
sealed interface AssistantEvent {

    /** SSE event name. */
    String name();

    /** What retrieval found; {@code relevant} false: the answer will say nothing was found. */
    record Sources(String translation, boolean relevant, List<SourceSummary> sources) implements AssistantEvent {
        public String name() {
            return "sources";
        }
    }

    /** A source as the reader may follow it. */
    record SourceSummary(String id, String kind, String osis, String title) {
    }

    record Part(AnswerPart part) implements AssistantEvent {
        public String name() {
            return "part";
        }
    }

    /** A provider failed part way: drop what was shown, the next writer answers from the start. */
    record Restart(String failed, String next) implements AssistantEvent {
        public String name() {
            return "restart";
        }
    }

    /** The answer is complete and kept among the reader's exchanges as {@code id}. */
    record Done(UUID id, String source, boolean cached, Citations citations) implements AssistantEvent {
        public String name() {
            return "done";
        }
    }

    /** How the answer's citations fared. */
    record Citations(int verified, int removed, int misquoted) {
        static Citations of(List<AnswerPart> parts) {
            int v = 0;
            int r = 0;
            int m = 0;
            for (AnswerPart p : parts) {
                if (p instanceof AnswerPart.Citation c) {
                    switch (c.status()) {
                        case VERIFIED -> v++;
                        case REMOVED -> r++;
                        case MISQUOTED -> m++;
                    }
                }
            }
            return new Citations(v, r, m);
        }
    }
}
