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

    /** The {@code limit} best-scored verses, best first, ties in canonical order. */
    Scored[] top(int verse, int limit) {
        accumulate(verse);
        long[] order = new long[touchedCount];
        for (int i = 0; i < touchedCount; i++) {
            int v = touched[i];
            // positive floats sort like their bits: invert them so that ascending order is best first
            order[i] = (long) (0x7FFFFFFF - Float.floatToIntBits((float) score[v])) << 32 | v;
        }
        Arrays.sort(order);
        Scored[] best = new Scored[Math.min(limit, order.length)];
        for (int i = 0; i < best.length; i++) {
            int v = (int) order[i];
            best[i] = new Scored(v, (float) score[v], Arrays.copyOfRange(evidence, v * RelatedVerses.MAX_EVIDENCE,
                    v * RelatedVerses.MAX_EVIDENCE + evidenceCount[v]));
        }
        clear();
        return best;
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
