package org.gospelib.content.internal.graph;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.gospelib.scripture.BookNames;
import org.gospelib.scripture.VerseRef;
import org.gospelib.scripture.Versification;

/**
 * The scripture graph of one corpus version: verses, topics, lemmas and commentary entries, and
 * the typed, weighted edges between them, held in a compressed sparse row layout — one offsets
 * array and parallel arrays of targets, weights, kinds and evidence — rather than node and edge
 * objects. A node's edges are sorted heaviest first, so "the strongest k edges" is a prefix.
 * Immutable and safe to share between threads; built by {@link GraphBuilder}.
 */
public final class ScriptureGraph {

    /** The graph of an empty corpus. */
    public static final ScriptureGraph EMPTY = new GraphBuilder().build();

    /**
     * Edges of every node: node {@code n}'s are at {@code offsets[n]} (inclusive) to {@code offsets[n + 1]}.
     * Buffers rather than arrays so that a graph read from the snapshot file is served from the
     * mapped file instead of a copy on the heap; a graph just built wraps its arrays.
     */
    record Adjacency(IntBuffer offsets, IntBuffer targets, FloatBuffer weights, ByteBuffer kinds, ByteBuffer evidence) {
        Adjacency(int[] offsets, int[] targets, float[] weights, byte[] kinds, byte[] evidence) {
            this(IntBuffer.wrap(offsets), IntBuffer.wrap(targets), FloatBuffer.wrap(weights), ByteBuffer.wrap(kinds),
                    ByteBuffer.wrap(evidence));
        }

        long bytes() {
            return 4L * offsets.capacity() + 4L * targets.capacity() + 4L * weights.capacity() + kinds.capacity()
                    + evidence.capacity();
        }

        boolean onHeap() {
            return !targets.isDirect();
        }
    }

    private static final BookNames BOOK_NAMES = BookNames.standard();

    private final int verseCount;
    private final NodeKind[] kinds;
    private final String[] keys;
    private final String[] labels;
    private final Map<String, Integer> byKey;
    private final String[] sources;
    private final Adjacency adjacency;
    private final RelatedVerses related;
    private final long buildNanos;

    ScriptureGraph(int verseCount, NodeKind[] kinds, String[] keys, String[] labels, Map<String, Integer> byKey,
            String[] sources, Adjacency adjacency, RelatedVerses related, long buildNanos) {
        this.verseCount = verseCount;
        this.kinds = kinds;
        this.keys = keys;
        this.labels = labels;
        this.byKey = byKey;
        this.sources = sources;
        this.adjacency = adjacency;
        this.related = related;
        this.buildNanos = buildNanos;
    }

    ScriptureGraph withRelated(RelatedVerses derived, long nanos) {
        return new ScriptureGraph(verseCount, kinds, keys, labels, byKey, sources, adjacency, derived, nanos);
    }

    public int nodeCount() {
        return verseCount + kinds.length;
    }

    public int verseCount() {
        return verseCount;
    }

    /** Stored edges, both directions counted. */
    public int edgeCount() {
        return adjacency.targets().capacity();
    }

    public NodeKind kind(int node) {
        return node < verseCount ? NodeKind.VERSE : kinds[node - verseCount];
    }

    /** The node's key: {@code verse:John.3.16}, {@code topic:LOVE}, {@code lemma:G26}, {@code commentary:MHCC:12}. */
    public String key(int node) {
        return node < verseCount ? "verse:" + Versification.kjv().verseAt(node).osis() : keys[node - verseCount];
    }

    /** A short human label: "John 3:16", a topic's name, a lemma with its transliteration, a commentary heading. */
    public String label(int node) {
        if (node >= verseCount) return labels[node - verseCount];
        VerseRef ref = Versification.kjv().verseAt(node);
        return BOOK_NAMES.englishName(ref.book()).orElse(ref.book()) + " " + ref.chapter() + ":" + ref.verse();
    }

    /**
     * The node with this key. A verse key may be any OSIS verse in KJV numbering
     * ({@code verse:John.3.16}); other keys must match exactly.
     */
    public OptionalInt node(String key) {
        if (key.startsWith("verse:")) {
            try {
                VerseRef ref = VerseRef.parseOsis(key.substring("verse:".length()));
                Versification kjv = Versification.kjv();
                return kjv.contains(ref) ? OptionalInt.of(kjv.ordinal(ref)) : OptionalInt.empty();
            } catch (IllegalArgumentException e) {
                return OptionalInt.empty();
            }
        }
        Integer id = byKey.get(key);
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    /** The translation or other source that an edge's evidence index names. */
    public Optional<String> source(int evidence) {
        return evidence < 0 || evidence >= sources.length ? Optional.empty() : Optional.of(sources[evidence]);
    }

    int firstEdge(int node) {
        return adjacency.offsets().get(node);
    }

    int endEdge(int node) {
        return adjacency.offsets().get(node + 1);
    }

    public int degree(int node) {
        return endEdge(node) - firstEdge(node);
    }

    int target(int edge) {
        return adjacency.targets().get(edge);
    }

    float weight(int edge) {
        return adjacency.weights().get(edge);
    }

    EdgeKind edgeKind(int edge) {
        return EdgeKind.of(adjacency.kinds().get(edge));
    }

    int evidence(int edge) {
        return adjacency.evidence().get(edge);
    }

    String[] sources() {
        return sources.clone();
    }

    Adjacency adjacency() {
        return adjacency;
    }

    /** Each verse's related verses, derived when the graph was built. */
    public RelatedVerses related() {
        return related;
    }

    /** Whether the edges are arrays on the heap (a graph just built) rather than a mapped file. */
    public boolean onHeap() {
        return adjacency.onHeap();
    }

    /** Bytes held by the arrays of edges and derived related verses (labels and keys not counted). */
    public long edgeBytes() {
        return adjacency.bytes() + related.bytes();
    }

    /** How long {@link GraphBuilder#build()} took, derivation of related verses included. */
    public long buildNanos() {
        return buildNanos;
    }
}
