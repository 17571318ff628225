package org.gospelib.content.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ShortestPathTest {

    static final Set<EdgeKind> KINDS = NeighbourhoodTest.ALL;

    @Property(tries = 100)
    void findsPathsAsShortAsPlainBreadthFirstSearch(@ForAll @IntRange(min = 0, max = 5000) int seed,
            @ForAll @IntRange(min = 0, max = RandomGraphs.VERSES - 1) int from,
            @ForAll @IntRange(min = 0, max = RandomGraphs.VERSES - 1) int to) {
        ScriptureGraph graph = RandomGraphs.random(seed, 5, 5, 80);
        int expected = distance(graph, from, to);
        Optional<ShortestPath.Path> path = ShortestPath.find(graph, from, to, KINDS, ShortestPath.MAX_LENGTH);
        if (expected < 0 || expected > ShortestPath.MAX_LENGTH) {
            assertThat(path).isEmpty();
            return;
        }
        assertThat(path).isPresent();
        ShortestPath.Path p = path.get();
        assertThat(p.length()).isEqualTo(expected);
        assertThat(p.nodes()[0]).isEqualTo(from);
        assertThat(p.nodes()[p.nodes().length - 1]).isEqualTo(to);
        for (int i = 0; i < p.length(); i++) {
            GraphEdge e = p.edges().get(i);
            assertThat(Set.of(e.from(), e.to())).isEqualTo(Set.of(p.nodes()[i], p.nodes()[i + 1]));
        }
    }

    @Test
    void findsNoPathLongerThanAllowedNorThroughKindsNotAsked() {
        GraphBuilder builder = new GraphBuilder();
        int topic = builder.addNode(NodeKind.TOPIC, "topic:T", "T");
        builder.addEdge(topic, 0, EdgeKind.LISTS, 1f, 1f, -1);
        builder.addEdge(topic, 1, EdgeKind.LISTS, 1f, 1f, -1);
        builder.addEdge(1, 2, EdgeKind.CROSS_REFERENCES, 2f, 2f, -1);
        ScriptureGraph graph = builder.build();
        assertThat(ShortestPath.find(graph, 0, 2, KINDS, 3)).get().extracting(ShortestPath.Path::length).isEqualTo(3);
        assertThat(ShortestPath.find(graph, 0, 2, KINDS, 2)).isEmpty();
        assertThat(ShortestPath.find(graph, 0, 2, EnumSet.of(EdgeKind.LISTS), 8)).isEmpty();
        assertThat(ShortestPath.find(graph, 2, 2, KINDS, 1)).get().extracting(ShortestPath.Path::length).isEqualTo(0);
    }

    private static int distance(ScriptureGraph graph, int from, int to) {
        int[] d = new int[graph.nodeCount()];
        Arrays.fill(d, -1);
        d[from] = 0;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(from);
        Set<EdgeKind> allowed = EnumSet.noneOf(EdgeKind.class);
        KINDS.forEach(k -> {
            allowed.add(k);
            allowed.add(k.inverse());
        });
        while (!queue.isEmpty()) {
            int n = queue.poll();
            for (int e = graph.firstEdge(n); e < graph.endEdge(n); e++) {
                if (allowed.contains(graph.edgeKind(e)) && d[graph.target(e)] < 0) {
                    d[graph.target(e)] = d[n] + 1;
                    queue.add(graph.target(e));
                }
            }
        }
        return d[to];
    }
}
