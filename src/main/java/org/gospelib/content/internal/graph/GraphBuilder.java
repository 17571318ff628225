package org.gospelib.content.internal.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gospelib.scripture.Versification;

/**
 * Collects nodes and edges, then freezes them into a {@link ScriptureGraph}. Verses are the
 * first nodes (node id = KJV ordinal); topics, lemmas and commentary entries follow in the order
 * they are added. Each edge is added once, in its canonical direction, with a weight for each
 * direction; duplicates are dropped when the graph is built.
 *
 * <p>While building, an edge is one {@code long} — weight, target, kind and source packed so that
 * sorting a node's edges orders them by weight and makes duplicates adjacent — to keep the
 * build free of per-edge objects.
 */
public final class GraphBuilder {

    static final int TARGET_BITS = 20;
    static final int KIND_BITS = 5;
    static final int SOURCE_BITS = 7;
    static final int MAX_NODES = 1 << TARGET_BITS;
    static final int MAX_SOURCES = (1 << SOURCE_BITS) - 1;

    private final int verseCount;
    private final List<NodeKind> kinds = new ArrayList<>();
    private final List<String> keys = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();
    private final Map<String, Integer> byKey = new HashMap<>();
    private final List<String> sources = new ArrayList<>();

    private int[] from = new int[1 << 16];
    private long[] packed = new long[1 << 16];
    private int size;

    /** A builder whose first nodes are the verses of KJV numbering. */
    public GraphBuilder() {
        this.verseCount = Versification.kjv().verseTotal();
    }

    public int verseCount() {
        return verseCount;
    }

    /** Adds a node other than a verse; its key must be unique, e.g. {@code topic:LOVE}. */
    public int addNode(NodeKind kind, String key, String label) {
        if (kind == NodeKind.VERSE) throw new IllegalArgumentException("verses are nodes from the start");
        if (!key.startsWith(kind.prefix() + ":")) throw new IllegalArgumentException(key + " is not a " + kind.prefix() + " key");
        if (byKey.containsKey(key)) throw new IllegalArgumentException("duplicate node " + key);
        int id = verseCount + kinds.size();
        if (id >= MAX_NODES) throw new IllegalStateException("more than " + MAX_NODES + " nodes");
        kinds.add(kind);
        keys.add(key);
        labels.add(label);
        byKey.put(key, id);
        return id;
    }

    /** The id of a node added before, by key. */
    public java.util.OptionalInt node(String key) {
        Integer id = byKey.get(key);
        return id == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(id);
    }

    /** The index of an evidence source (a translation whose notes give cross-references). */
    public int source(String name) {
        int i = sources.indexOf(name);
        if (i >= 0) return i;
        if (sources.size() == MAX_SOURCES) throw new IllegalStateException("more than " + MAX_SOURCES + " sources");
        sources.add(name);
        return sources.size() - 1;
    }

    /**
     * Adds an edge in its canonical direction and its inverse.
     *
     * @param forward weight from {@code source} to {@code target}, used to rank a node's edges
     * @param backward weight of the inverse edge
     * @param evidence a {@link #source(String)} index, or -1
     */
    public void addEdge(int source, int target, EdgeKind kind, float forward, float backward, int evidence) {
        if (!kind.canonical() || kind == EdgeKind.RELATED) throw new IllegalArgumentException(kind + " is not a base kind");
        if (source == target) return;
        add(source, target, kind, forward, evidence);
        add(target, source, kind.inverse(), backward, evidence);
    }

    private void add(int node, int target, EdgeKind kind, float weight, int evidence) {
        if (!(weight > 0) || Float.isInfinite(weight)) throw new IllegalArgumentException("weight must be positive: " + weight);
        if (size == from.length) {
            from = Arrays.copyOf(from, size * 2);
            packed = Arrays.copyOf(packed, size * 2);
        }
        from[size] = node;
        packed[size] = pack(weight, target, kind.ordinal(), evidence + 1);
        size++;
    }

    /** Sorting packed edges ascending orders them by weight, heaviest first, then by target. */
    static long pack(float weight, int target, int kind, int sourcePlusOne) {
        long inverted = 0x7FFFFFFFL - Float.floatToIntBits(weight);
        return inverted << 32 | (long) target << (KIND_BITS + SOURCE_BITS) | (long) kind << SOURCE_BITS | sourcePlusOne;
    }

    static float weight(long packed) {
        return Float.intBitsToFloat((int) (0x7FFFFFFFL - (packed >>> 32)));
    }

    static int target(long packed) {
        return (int) (packed >>> (KIND_BITS + SOURCE_BITS)) & (MAX_NODES - 1);
    }

    static int kind(long packed) {
        return (int) (packed >>> SOURCE_BITS) & ((1 << KIND_BITS) - 1);
    }

    static int sourcePlusOne(long packed) {
        return (int) packed & MAX_SOURCES;
    }

    /** Freezes the graph and derives each verse's related verses, on all cores. */
    public ScriptureGraph build() {
        long start = System.nanoTime();
        int nodes = verseCount + kinds.size();
        int[] offsets = new int[nodes + 1];
        for (int i = 0; i < size; i++) offsets[from[i] + 1]++;
        for (int n = 0; n < nodes; n++) offsets[n + 1] += offsets[n];
        long[] slots = new long[size];
        int[] fill = Arrays.copyOf(offsets, nodes);
        for (int i = 0; i < size; i++) slots[fill[from[i]]++] = packed[i];
        from = null;
        packed = null;
        ScriptureGraph.Adjacency adjacency = compact(slots, offsets, nodes);
        ScriptureGraph base = new ScriptureGraph(verseCount, kinds.toArray(NodeKind[]::new), keys.toArray(String[]::new),
                labels.toArray(String[]::new), Map.copyOf(byKey), sources.toArray(String[]::new), adjacency,
                RelatedVerses.NONE, 0);
        RelatedVerses related = RelatedVerses.derive(base);
        return base.withRelated(related, System.nanoTime() - start);
    }

    /** Sorts each node's edges, drops duplicates and unpacks them into parallel arrays. */
    private static ScriptureGraph.Adjacency compact(long[] slots, int[] offsets, int nodes) {
        int[] kept = new int[nodes + 1];
        int w = 0;
        for (int n = 0; n < nodes; n++) {
            Arrays.sort(slots, offsets[n], offsets[n + 1]);
            kept[n] = w;
            long previous = -1;
            for (int i = offsets[n]; i < offsets[n + 1]; i++) {
                if (slots[i] != previous) slots[w++] = slots[i];
                previous = slots[i];
            }
        }
        kept[nodes] = w;
        int[] targets = new int[w];
        float[] weights = new float[w];
        byte[] edgeKinds = new byte[w];
        byte[] evidence = new byte[w];
        for (int i = 0; i < w; i++) {
            targets[i] = target(slots[i]);
            weights[i] = weight(slots[i]);
            edgeKinds[i] = (byte) kind(slots[i]);
            evidence[i] = (byte) (sourcePlusOne(slots[i]) - 1);
        }
        return new ScriptureGraph.Adjacency(kept, targets, weights, edgeKinds, evidence);
    }
}
