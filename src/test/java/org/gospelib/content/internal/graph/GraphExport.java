package org.gospelib.content.internal.graph;

/**
 * Reads the graph's stored edges out, for loading the very same edges into another engine
 * (the PostgreSQL comparison) and for tools that need the raw rows.
 */
public final class GraphExport {

    /** One stored edge: node ids, the {@link EdgeKind} ordinal and the weight. */
    @FunctionalInterface
    public interface EdgeSink {
        void edge(int from, int to, int kind, float weight);
    }

    private GraphExport() {
    }

    public static void forEachEdge(ScriptureGraph graph, EdgeSink sink) {
        for (int n = 0; n < graph.nodeCount(); n++) {
            for (int e = graph.firstEdge(n); e < graph.endEdge(n); e++) {
                sink.edge(n, graph.target(e), graph.edgeKind(e).ordinal(), graph.weight(e));
            }
        }
    }

    /** The targets of a node's {@code k} strongest edges. */
    public static int[] strongest(ScriptureGraph graph, int node, int k) {
        int n = Math.min(k, graph.degree(node));
        int[] targets = new int[n];
        for (int i = 0; i < n; i++) targets[i] = graph.target(graph.firstEdge(node) + i);
        return targets;
    }

    /** The weight below which a verse's topic is too large to relate verses (see {@link TwoHopScorer}). */
    public static String minTopicWeight() {
        return Float.toString(TwoHopScorer.MIN_TOPIC_WEIGHT);
    }
}
