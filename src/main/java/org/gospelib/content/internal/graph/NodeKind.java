package org.gospelib.content.internal.graph;

/** What a node of the scripture graph stands for; its key starts with {@link #prefix()}. */
public enum NodeKind {
    /** A verse in KJV numbering: {@code verse:John.3.16}. */
    VERSE("verse"),
    /** A Nave's topic: {@code topic:LOVE}. */
    TOPIC("topic"),
    /** A Strong's lexicon entry: {@code lemma:G26}. */
    LEMMA("lemma"),
    /** One entry of a commentary: {@code commentary:MHCC:1204}. */
    COMMENTARY("commentary");

    private final String prefix;

    NodeKind(String prefix) {
        this.prefix = prefix;
    }

    /** The key prefix and the name used in the API. */
    public String prefix() {
        return prefix;
    }
}
