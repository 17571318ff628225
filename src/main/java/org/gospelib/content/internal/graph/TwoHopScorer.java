package org.gospelib.content.internal.graph;

import java.util.Arrays;

/**
 * Scores the verses two hops from a verse: the verses a cross-reference note links it with (one
 * hop), the verses listed by a topic that lists it, and the verses cited by a commentary entry on
 * it. A path's score is the product of its edge weights; a verse's score is the sum over its
 * paths. Topics listing more than {@link RelatedVerses#LARGEST_TOPIC} verses relate nothing:
 * "every verse about God" says little about any two of them.
 *
 * <p>One scorer per thread: it keeps dense accumulators the size of the verse range and
 * clears only what it touched, so a query allocates nothing but its answer.
 */
final class TwoHopScorer {

    /** The weight of a verse → topic edge is 1 / ln(2 + verses listed); below this the topic is too large. */
    static final float MIN_TOPIC_WEIGHT = (float) (1 / Math.log(2 + RelatedVerses.LARGEST_TOPIC));

    private final ScriptureGraph graph;
    private final double[] score;
    private final int[] touched;
    private final int[] evidenceCount;
    private final int[] evidence;
    private int touchedCount;

    TwoHopScorer(ScriptureGraph graph) {
        this.graph = graph;
        int verses = graph.verseCount();
        this.score = new double[verses];
        this.touched = new int[verses];
        this.evidenceCount = new int[verses];
        this.evidence = new int[verses * RelatedVerses.MAX_EVIDENCE];
    }

    ScriptureGraph graph() {
        return graph;
    }

    /** A scored verse and up to {@link RelatedVerses#MAX_EVIDENCE} pieces of evidence, strongest first. */
    record Scored(int verse, float score, int[] evidence) {
    }

    /** Where a scorer hands the verses it kept, best first: the verse, its score and its evidence. */
    interface Sink {
        void accept(int verse, float score, int[] evidence, int from, int count);
    }

    /** The {@code limit} best-scored verses, best first, ties in canonical order. */
    Scored[] top(int verse, int limit) {
        java.util.List<Scored> scored = new java.util.ArrayList<>(limit);
        top(verse, limit, (v, score, evidence, from, count) ->
                scored.add(new Scored(v, score, Arrays.copyOfRange(evidence, from, from + count))));
        return scored.toArray(Scored[]::new);
    }

    /**
     * Hands the {@code limit} best-scored verses to {@code sink}, best first: deriving every
     * verse's related verses this way allocates nothing per related verse.
     */
    void top(int verse, int limit, Sink sink) {
        accumulate(verse);
        long[] best = select(Math.min(limit, touchedCount));
        for (long key : best) {
            int v = (int) key;
            sink.accept(v, (float) score[v], evidence, v * RelatedVerses.MAX_EVIDENCE, evidenceCount[v]);
        }
        clear();
    }

    /**
     * The {@code k} best touched verses as sort keys, best first. Positive floats sort like their
     * bits, so a key of inverted score bits then ordinal orders best first, ties canonically.
     * A bounded max-heap of the k smallest keys: a popular verse touches thousands of verses
     * and only the first few are asked for.
     */
    private long[] select(int k) {
        long[] heap = new long[k];
        int size = 0;
        for (int i = 0; i < touchedCount; i++) {
            int v = touched[i];
            long key = (long) (0x7FFFFFFF - Float.floatToIntBits((float) score[v])) << 32 | v;
            if (size < k) {
                heap[size] = key;
                siftUp(heap, size++);
            } else if (k > 0 && key < heap[0]) {
                heap[0] = key;
                siftDown(heap, k);
            }
        }
        Arrays.sort(heap, 0, size);
        return heap;
    }

    private static void siftUp(long[] heap, int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (heap[parent] >= heap[i]) return;
            long t = heap[parent];
            heap[parent] = heap[i];
            heap[i] = t;
            i = parent;
        }
    }

    private static void siftDown(long[] heap, int size) {
        int i = 0;
        while (true) {
            int largest = i;
            int left = 2 * i + 1;
            if (left < size && heap[left] > heap[largest]) largest = left;
            if (left + 1 < size && heap[left + 1] > heap[largest]) largest = left + 1;
            if (largest == i) return;
            long t = heap[largest];
            heap[largest] = heap[i];
            heap[i] = t;
            i = largest;
        }
    }

    private void accumulate(int verse) {
        for (int e = graph.firstEdge(verse), end = graph.endEdge(verse); e < end; e++) {
            int via = graph.target(e);
            float w = graph.weight(e);
            switch (graph.edgeKind(e)) {
                case CROSS_REFERENCES, CROSS_REFERENCED_BY -> add(verse, via, w, -1 - graph.evidence(e));
                case LISTED_IN -> {
                    if (w >= MIN_TOPIC_WEIGHT) secondHop(verse, via, w, EdgeKind.LISTS);
                }
                case COVERED_BY -> secondHop(verse, via, w, EdgeKind.CITES);
                default -> {
                }
            }
        }
    }

    private void secondHop(int verse, int via, float first, EdgeKind kind) {
        for (int e = graph.firstEdge(via), end = graph.endEdge(via); e < end; e++) {
            if (graph.edgeKind(e) == kind) add(verse, graph.target(e), first * graph.weight(e), via);
        }
    }

    private void add(int verse, int other, double weight, int why) {
        if (other == verse || other >= score.length) return;
        if (score[other] == 0) touched[touchedCount++] = other;
        score[other] += weight;
        int base = other * RelatedVerses.MAX_EVIDENCE;
        int n = evidenceCount[other];
        for (int i = 0; i < n; i++) if (evidence[base + i] == why) return;
        if (n < RelatedVerses.MAX_EVIDENCE) {
            evidence[base + n] = why;
            evidenceCount[other] = n + 1;
        }
    }

    private void clear() {
        for (int i = 0; i < touchedCount; i++) {
            score[touched[i]] = 0;
            evidenceCount[touched[i]] = 0;
        }
        touchedCount = 0;
    }
}
