package org.gospelib.content.internal.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The nodes around a node, breadth first, bounded three ways: by depth, by how many edges are
 * followed from each node (its strongest ones, of the kinds asked for) and by a total node
 * budget. Large nodes — a topic listing thousands of verses, a lemma in every chapter — are
 * thus explored by their strongest edges without ever being scanned whole.
 *
 * @param nodes     the nodes reached, each with its depth, in the order reached (the start first)
 * @param edges     the edges followed, and those between reached nodes met on the way
 * @param truncated whether the node budget stopped the exploration
 */
public record Neighbourhood(List<Reached> nodes, List<GraphEdge> edges, boolean truncated) {

    /** Deepest exploration allowed. */
    public static final int MAX_DEPTH = 3;
    /** Largest node budget allowed. */
    public static final int MAX_NODES = 500;
    /** Most edges followed from one node. */
    public static final int MAX_FAN_OUT = 50;

    /** A node reached at a depth. */
    public record Reached(int node, int depth) {
    }

    /**
     * Explores from {@code start}.
     *
     * @param kinds canonical edge kinds to follow, each in both directions; {@link EdgeKind#RELATED}
     *              follows each verse's derived related verses
     */
    public static Neighbourhood explore(ScriptureGraph graph, int start, int depth, int nodeBudget, int fanOut,
            Set<EdgeKind> kinds) {
        if (depth < 0 || depth > MAX_DEPTH) throw new IllegalArgumentException("depth must be 0.." + MAX_DEPTH);
        if (nodeBudget < 1 || nodeBudget > MAX_NODES) throw new IllegalArgumentException("nodes must be 1.." + MAX_NODES);
        if (fanOut < 1 || fanOut > MAX_FAN_OUT) throw new IllegalArgumentException("fan-out must be 1.." + MAX_FAN_OUT);
        EnumSet<EdgeKind> allowed = EnumSet.noneOf(EdgeKind.class);
        for (EdgeKind kind : kinds) {
            allowed.add(kind);
            allowed.add(kind.inverse());
        }
        Map<Integer, Integer> depthOf = new HashMap<>();
        List<Reached> reached = new ArrayList<>();
        Set<GraphEdge> edges = new LinkedHashSet<>();
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        depthOf.put(start, 0);
        reached.add(new Reached(start, 0));
        queue.add(start);
        boolean truncated = false;
        while (!queue.isEmpty()) {
            int node = queue.poll();
            int d = depthOf.get(node);
            if (d == depth) continue;
            for (GraphEdge edge : strongest(graph, node, allowed, fanOut)) {
                int other = edge.from() == node ? edge.to() : edge.from();
                if (depthOf.containsKey(other)) {
                    edges.add(edge);
                    continue;
                }
                if (reached.size() == nodeBudget) {
                    truncated = true;
                    continue;
                }
                depthOf.put(other, d + 1);
                reached.add(new Reached(other, d + 1));
                edges.add(edge);
                queue.add(other);
            }
        }
        return new Neighbourhood(List.copyOf(reached), List.copyOf(edges), truncated);
    }

    private static List<GraphEdge> strongest(ScriptureGraph graph, int node, Set<EdgeKind> allowed, int fanOut) {
        List<GraphEdge> found = new ArrayList<>(fanOut);
        for (int e = graph.firstEdge(node), end = graph.endEdge(node); e < end && found.size() < fanOut; e++) {
            if (allowed.contains(graph.edgeKind(e))) found.add(GraphEdge.of(graph, node, e));
        }
        if (allowed.contains(EdgeKind.RELATED) && graph.kind(node) == NodeKind.VERSE) {
            List<GraphEdge> related = new ArrayList<>();
            for (RelatedVerses.Related r : graph.related().of(node, fanOut)) {
                related.add(new GraphEdge(node, r.verse(), EdgeKind.RELATED, r.score(), -1));
            }
            // merged by weight with the stored edges, still at most fanOut
            found.addAll(related);
            found.sort((a, b) -> Float.compare(b.weight(), a.weight()));
            if (found.size() > fanOut) found = new ArrayList<>(found.subList(0, fanOut));
        }
        return found;
    }
}
