package org.gospelib.content.internal.graph;

/**
 * An edge as the API shows it: in its canonical direction (a topic lists a verse, a commentary
 * entry cites a verse), whichever end it was reached from.
 *
 * @param evidence the index of the translation whose note gives a cross-reference, or -1
 */
public record GraphEdge(int from, int to, EdgeKind kind, float weight, int evidence) {

    static GraphEdge of(ScriptureGraph graph, int node, int edge) {
        EdgeKind kind = graph.edgeKind(edge);
        int target = graph.target(edge);
        return kind.canonical() ? new GraphEdge(node, target, kind, graph.weight(edge), graph.evidence(edge))
                : new GraphEdge(target, node, kind.inverse(), graph.weight(edge), graph.evidence(edge));
    }
}
