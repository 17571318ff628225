package org.gospelib.content.internal.graph;

import java.util.Optional;

/**
 * The kinds of edges, each stored in both directions: a canonical kind (a topic
 * <em>lists</em> a verse) and its inverse (the verse is <em>listed in</em> the topic). The API
 * always shows an edge in its canonical direction and names it by {@link #apiName()}.
 */
public enum EdgeKind {
    /** A translation's cross-reference note on a verse names another verse. */
    CROSS_REFERENCES("cross-reference"),
    CROSS_REFERENCED_BY("cross-reference"),
    /** A topic lists a verse under one of its headings. */
    LISTS("lists"),
    LISTED_IN("lists"),
    /** A topic points to another ("See ..."). */
    SEE_ALSO("see-also"),
    SEEN_FROM("see-also"),
    /** A commentary entry comments on a verse. */
    COVERS("covers"),
    COVERED_BY("covers"),
    /** A commentary entry cites a verse. */
    CITES("cites"),
    CITED_BY("cites"),
    /** A lemma occurs in a verse (a translation tags a word of it with the Strong's number). */
    OCCURS_IN("occurs-in"),
    CONTAINS("occurs-in"),
    /** A lexicon entry refers to another. */
    LEMMA_LINK("lemma-link"),
    LEMMA_LINKED_FROM("lemma-link"),
    /** Derived: two verses related by the evidence above, scored (see {@link RelatedVerseScorer}). */
    RELATED("related");

    private static final EdgeKind[] VALUES = values();

    private final String apiName;

    EdgeKind(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    /** True for the direction the API shows; false for the stored inverse. */
    public boolean canonical() {
        return this == RELATED || ordinal() % 2 == 0;
    }

    /** The same edge seen from its other end. */
    public EdgeKind inverse() {
        if (this == RELATED) return RELATED;
        return VALUES[canonical() ? ordinal() + 1 : ordinal() - 1];
    }

    /** The canonical kind named {@code apiName}, if any. */
    public static Optional<EdgeKind> byApiName(String apiName) {
        for (EdgeKind kind : VALUES) if (kind.canonical() && kind.apiName.equals(apiName)) return Optional.of(kind);
        return Optional.empty();
    }

    static EdgeKind of(int ordinal) {
        return VALUES[ordinal];
    }
}
