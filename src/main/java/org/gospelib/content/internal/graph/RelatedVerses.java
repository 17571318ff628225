package org.gospelib.content.internal.graph;

import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Every verse's most related verses, derived once when the graph is built (the graph's
 * {@link EdgeKind#RELATED} edges): a request for related verses reads a slice of arrays.
 * Each has its score and its evidence: a node it was reached through (a topic, a commentary
 * entry) or a translation whose cross-reference note links the two.
 */
public final class RelatedVerses {

    /** Related verses kept per verse. */
    public static final int KEPT_PER_VERSE = 50;
    /** Pieces of evidence kept per related verse. */
    public static final int MAX_EVIDENCE = 5;
    /** Topics that list more verses than this relate none of them. */
    public static final int LARGEST_TOPIC = 400;

    static final RelatedVerses NONE = new RelatedVerses(new int[1], new int[0], new float[0], new int[1], new int[0]);

    /** A related verse: its node id (KJV ordinal), score and evidence codes (see {@link Evidence}). */
    public record Related(int verse, float score, List<Evidence> evidence) {
    }

    /**
     * Why two verses are related: through a node (a topic or commentary entry), or by a
     * translation's cross-reference note ({@code node} is -1 and {@code source} names the translation).
     */
    public record Evidence(int node, int source) {
        static Evidence decode(int code) {
            return code >= 0 ? new Evidence(code, -1) : new Evidence(-1, -1 - code);
        }

        public boolean isCrossReference() {
            return node < 0;
        }
    }

    /** A scorer's accumulators are as large as the verse range: reuse them per thread. */
    private static final ThreadLocal<TwoHopScorer> LAST_SCORER = new ThreadLocal<>();

    // buffers, as the graph's edges: mapped from the snapshot file when read from it
    private final IntBuffer offsets;
    private final IntBuffer targets;
    private final FloatBuffer scores;
    private final IntBuffer evidenceOffsets;
    private final IntBuffer evidence;

    RelatedVerses(int[] offsets, int[] targets, float[] scores, int[] evidenceOffsets, int[] evidence) {
        this(IntBuffer.wrap(offsets), IntBuffer.wrap(targets), FloatBuffer.wrap(scores), IntBuffer.wrap(evidenceOffsets),
                IntBuffer.wrap(evidence));
    }

    RelatedVerses(IntBuffer offsets, IntBuffer targets, FloatBuffer scores, IntBuffer evidenceOffsets, IntBuffer evidence) {
        this.offsets = offsets;
        this.targets = targets;
        this.scores = scores;
        this.evidenceOffsets = evidenceOffsets;
        this.evidence = evidence;
    }

    /** Verses scored by one task of the derivation. */
    private static final int BLOCK = 512;

    /**
     * Scores every verse of the graph, in parallel blocks of verses, keeping the best
     * {@link #KEPT_PER_VERSE} of each. Each block packs its answers into arrays as they come, so
     * the derivation holds about twice the result at its peak, never an object per related verse
     * (a million and a half of them, with their evidence arrays, beside the graph being served).
     */
    static RelatedVerses derive(ScriptureGraph graph) {
        int verses = graph.verseCount();
        ThreadLocal<TwoHopScorer> scorers = ThreadLocal.withInitial(() -> new TwoHopScorer(graph));
        Block[] blocks = new Block[(verses + BLOCK - 1) / BLOCK];
        IntStream.range(0, blocks.length).parallel().forEach(b -> {
            Block block = new Block(b * BLOCK, Math.min(verses, (b + 1) * BLOCK));
            TwoHopScorer scorer = scorers.get();
            for (int v = block.first; v < block.end; v++) {
                int before = block.size;
                scorer.top(v, KEPT_PER_VERSE, block);
                block.counts[v - block.first] = block.size - before;
            }
            blocks[b] = block.trimmed();
        });
        int total = 0;
        int evidenceTotal = 0;
        for (Block block : blocks) {
            total += block.size;
            evidenceTotal += block.evidenceSize;
        }
        int[] offsets = new int[verses + 1];
        int[] targets = new int[total];
        float[] scores = new float[total];
        int[] evidenceOffsets = new int[total + 1];
        int[] evidence = new int[evidenceTotal];
        int i = 0;
        int e = 0;
        for (Block block : blocks) {
            for (int v = block.first; v < block.end; v++) offsets[v + 1] = offsets[v] + block.counts[v - block.first];
            System.arraycopy(block.targets, 0, targets, i, block.size);
            System.arraycopy(block.scores, 0, scores, i, block.size);
            System.arraycopy(block.evidence, 0, evidence, e, block.evidenceSize);
            for (int k = 0; k < block.size; k++) evidenceOffsets[i + k + 1] = e + block.evidenceEnds[k];
            i += block.size;
            e += block.evidenceSize;
        }
        return new RelatedVerses(offsets, targets, scores, evidenceOffsets, evidence);
    }

    /** The related verses of the verses {@code first} to {@code end} (exclusive), packed. */
    private static final class Block implements TwoHopScorer.Sink {
        final int first;
        final int end;
        final int[] counts;
        int[] targets = new int[BLOCK * 8];
        float[] scores = new float[BLOCK * 8];
        /** Where each related verse's evidence ends, within this block's evidence. */
        int[] evidenceEnds = new int[BLOCK * 8];
        int[] evidence = new int[BLOCK * 16];
        int size;
        int evidenceSize;

        Block(int first, int end) {
            this.first = first;
            this.end = end;
            this.counts = new int[end - first];
        }

        @Override
        public void accept(int verse, float score, int[] from, int offset, int count) {
            if (size == targets.length) {
                targets = Arrays.copyOf(targets, size * 2);
                scores = Arrays.copyOf(scores, size * 2);
                evidenceEnds = Arrays.copyOf(evidenceEnds, size * 2);
            }
            if (evidenceSize + count > evidence.length) evidence = Arrays.copyOf(evidence, Math.max(evidence.length * 2, evidenceSize + count));
            targets[size] = verse;
            scores[size] = score;
            System.arraycopy(from, offset, evidence, evidenceSize, count);
            evidenceSize += count;
            evidenceEnds[size++] = evidenceSize;
        }

        Block trimmed() {
            targets = Arrays.copyOf(targets, size);
            scores = Arrays.copyOf(scores, size);
            evidenceEnds = Arrays.copyOf(evidenceEnds, size);
            evidence = Arrays.copyOf(evidence, evidenceSize);
            return this;
        }
    }

    /** The verse's related verses, best first, at most {@code limit} (and at most {@link #KEPT_PER_VERSE}). */
    public List<Related> of(int verse, int limit) {
        if (verse < 0 || verse + 1 >= offsets.capacity()) return List.of();
        int from = offsets.get(verse);
        int to = Math.min(offsets.get(verse + 1), from + Math.max(0, limit));
        List<Related> related = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            int first = evidenceOffsets.get(i);
            Evidence[] why = new Evidence[evidenceOffsets.get(i + 1) - first];
            for (int k = 0; k < why.length; k++) why[k] = Evidence.decode(evidence.get(first + k));
            related.add(new Related(targets.get(i), scores.get(i), List.of(why)));
        }
        return related;
    }

    /**
     * Computes a verse's related verses now rather than reading the derived ones: the same answer,
     * for checking the derivation and measuring the two-hop query itself.
     */
    public static List<Related> compute(ScriptureGraph graph, int verse, int limit) {
        TwoHopScorer scorer = LAST_SCORER.get();
        if (scorer == null || scorer.graph() != graph) {
            scorer = new TwoHopScorer(graph);
            LAST_SCORER.set(scorer);
        }
        List<Related> related = new ArrayList<>();
        for (TwoHopScorer.Scored s : scorer.top(verse, limit)) {
            related.add(new Related(s.verse(), s.score(), Arrays.stream(s.evidence()).mapToObj(Evidence::decode).toList()));
        }
        return related;
    }

    IntBuffer offsets() {
        return offsets;
    }

    IntBuffer targets() {
        return targets;
    }

    FloatBuffer scores() {
        return scores;
    }

    IntBuffer evidenceOffsets() {
        return evidenceOffsets;
    }

    IntBuffer evidence() {
        return evidence;
    }

    long bytes() {
        return 4L * (offsets.capacity() + targets.capacity() + scores.capacity() + evidenceOffsets.capacity()
                + evidence.capacity());
    }

    /** Related verses held, over all verses. */
    public int size() {
        return targets.capacity();
    }
}
