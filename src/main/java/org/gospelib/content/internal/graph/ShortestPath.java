package org.gospelib.content.internal.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The fewest hops between two nodes over the edge kinds asked for, found by breadth-first
 * search from both ends at once (always growing the smaller frontier), so that a path of length
 * {@code d} costs about two searches of depth {@code d/2} rather than one of depth {@code d}.
 * Among equally short paths the first found follows heavier edges, since each node's edges are
 * stored heaviest first.
 */
public final class ShortestPath {

    /** Longest path searched for. */
    public static final int MAX_LENGTH = 8;

    /** A path: its nodes from start to end, and the edge between each two (in canonical direction). */
    public record Path(int[] nodes, List<GraphEdge> edges) {
        public int length() {
            return edges.size();
        }
    }

    private ShortestPath() {
    }

    /**
     * The shortest path of at most {@code maxLength} edges, or empty when there is none.
     *
     * @param kinds canonical base edge kinds, each followed in both directions; not {@link EdgeKind#RELATED}
     */
    public static Optional<Path> find(ScriptureGraph graph, int from, int to, Set<EdgeKind> kinds, int maxLength) {
        if (maxLength < 1 || maxLength > MAX_LENGTH) throw new IllegalArgumentException("length must be 1.." + MAX_LENGTH);
        if (kinds.contains(EdgeKind.RELATED)) throw new IllegalArgumentException("paths follow stored edges only");
        if (from == to) return Optional.of(new Path(new int[] {from}, List.of()));
        EnumSet<EdgeKind> allowed = EnumSet.noneOf(EdgeKind.class);
        for (EdgeKind kind : kinds) {
            allowed.add(kind);
            allowed.add(kind.inverse());
        }
        Side forward = new Side(graph, from);
        Side backward = new Side(graph, to);
        int length = 0;
        while (length < maxLength && !forward.frontierEmpty() && !backward.frontierEmpty()) {
            Side grow = forward.frontierSize() <= backward.frontierSize() ? forward : backward;
            Side other = grow == forward ? backward : forward;
            int meeting = grow.expand(allowed, other);
            length++;
            if (meeting >= 0) return Optional.of(join(graph, forward, backward, meeting));
        }
        return Optional.empty();
    }

    private static Path join(ScriptureGraph graph, Side forward, Side backward, int meeting) {
        List<Integer> nodes = new ArrayList<>();
        List<GraphEdge> edges = new ArrayList<>();
        for (int n = meeting; n != forward.root; n = forward.parent[n]) {
            nodes.addFirst(n);
            edges.addFirst(GraphEdge.of(graph, forward.parent[n], forward.parentEdge[n]));
        }
        nodes.addFirst(forward.root);
        for (int n = meeting; n != backward.root; n = backward.parent[n]) {
            nodes.add(backward.parent[n]);
            edges.add(GraphEdge.of(graph, backward.parent[n], backward.parentEdge[n]));
        }
        return new Path(nodes.stream().mapToInt(Integer::intValue).toArray(), List.copyOf(edges));
    }

    /** One end's search: who reached each node, through which edge, and the current frontier. */
    private static final class Side {
        final ScriptureGraph graph;
        final int root;
        final int[] parent;
        final int[] parentEdge;
        int[] frontier;
        int frontierSize;

        Side(ScriptureGraph graph, int root) {
            this.graph = graph;
            this.root = root;
            this.parent = new int[graph.nodeCount()];
            this.parentEdge = new int[graph.nodeCount()];
            Arrays.fill(parent, -1);
            parent[root] = root;
            frontier = new int[] {root};
            frontierSize = 1;
        }

        boolean frontierEmpty() {
            return frontierSize == 0;
        }

        int frontierSize() {
            return frontierSize;
        }

        boolean reached(int node) {
            return parent[node] >= 0;
        }

        /** Grows the frontier one level; returns a node the other side has reached, or -1. */
        int expand(Set<EdgeKind> allowed, Side other) {
            int[] next = new int[16];
            int size = 0;
            for (int i = 0; i < frontierSize; i++) {
                int node = frontier[i];
                for (int e = graph.firstEdge(node), end = graph.endEdge(node); e < end; e++) {
                    if (!allowed.contains(graph.edgeKind(e))) continue;
                    int target = graph.target(e);
                    if (reached(target)) continue;
                    parent[target] = node;
                    parentEdge[target] = e;
                    if (other.reached(target)) return target;
                    if (size == next.length) next = Arrays.copyOf(next, size * 2);
                    next[size++] = target;
                }
            }
            frontier = next;
            frontierSize = size;
            return -1;
        }
    }
}
