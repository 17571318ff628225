package org.gospelib.content.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class NeighbourhoodTest {

    static final Set<EdgeKind> ALL = EnumSet.of(EdgeKind.CROSS_REFERENCES, EdgeKind.LISTS, EdgeKind.SEE_ALSO,
            EdgeKind.COVERS, EdgeKind.CITES);

    @Test
    void followsTheStrongestEdgesOfTheKindsAskedFor() {
        GraphBuilder builder = new GraphBuilder();
        int topic = builder.addNode(NodeKind.TOPIC, "topic:T", "T");
        int other = builder.addNode(NodeKind.TOPIC, "topic:U", "U");
        for (int v = 0; v < 20; v++) builder.addEdge(topic, v, EdgeKind.LISTS, 1f + v, 0.5f, -1);
        builder.addEdge(topic, other, EdgeKind.SEE_ALSO, 100f, 100f, -1);
        ScriptureGraph graph = builder.build();

        Neighbourhood strongest = Neighbourhood.explore(graph, topic, 1, 50, 3, ALL);
        assertThat(strongest.nodes()).extracting(r -> graph.key(r.node()))
                .containsExactly("topic:T", "topic:U", "verse:Gen.1.20", "verse:Gen.1.19");
        assertThat(strongest.edges()).allSatisfy(e -> assertThat(e.kind().canonical()).isTrue());

        Neighbourhood listsOnly = Neighbourhood.explore(graph, topic, 1, 50, 3, EnumSet.of(EdgeKind.LISTS));
        assertThat(listsOnly.nodes()).extracting(r -> graph.key(r.node()))
                .containsExactly("topic:T", "verse:Gen.1.20", "verse:Gen.1.19", "verse:Gen.1.18");
        // seen from a verse, the edge keeps its canonical direction: the topic lists the verse
        Neighbourhood fromVerse = Neighbourhood.explore(graph, 5, 1, 50, 5, ALL);
        assertThat(fromVerse.edges()).singleElement().satisfies(e -> {
            assertThat(e.from()).isEqualTo(topic);
            assertThat(e.to()).isEqualTo(5);
            assertThat(e.kind()).isEqualTo(EdgeKind.LISTS);
        });
    }

    @Test
    void stopsAtTheNodeBudgetAndSaysSo() {
        ScriptureGraph graph = RandomGraphs.random(7, 4, 4, 400);
        Neighbourhood n = Neighbourhood.explore(graph, 0, 3, 10, 50, ALL);
        assertThat(n.nodes()).hasSize(10);
        assertThat(n.truncated()).isTrue();
        assertThat(Neighbourhood.explore(graph, 0, 0, 10, 50, ALL).nodes()).hasSize(1);
    }

    @Property(tries = 50)
    void staysWithinItsBoundsAndReturnsOnlyEdgesBetweenReachedNodes(@ForAll @IntRange(min = 0, max = 5000) int seed,
            @ForAll @IntRange(min = 0, max = 3) int depth, @ForAll @IntRange(min = 1, max = 40) int budget,
            @ForAll @IntRange(min = 1, max = 8) int fanOut) {
        ScriptureGraph graph = RandomGraphs.random(seed, 6, 5, 150);
        Neighbourhood n = Neighbourhood.explore(graph, seed % RandomGraphs.VERSES, depth, budget, fanOut, ALL);
        assertThat(n.nodes().size()).isLessThanOrEqualTo(budget);
        assertThat(n.nodes().getFirst().depth()).isZero();
        Set<Integer> reached = new HashSet<>();
        n.nodes().forEach(r -> {
            assertThat(r.depth()).isBetween(0, depth);
            assertThat(reached.add(r.node())).isTrue();
        });
        for (GraphEdge e : n.edges()) {
            assertThat(reached).contains(e.from(), e.to());
            assertThat(ALL).contains(e.kind());
        }
    }

    @Test
    void rejectsBoundsBeyondItsLimits() {
        ScriptureGraph graph = RandomGraphs.random(1, 2, 2, 20);
        assertThatThrownBy(() -> Neighbourhood.explore(graph, 0, 4, 10, 10, ALL)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Neighbourhood.explore(graph, 0, 1, 501, 10, ALL)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Neighbourhood.explore(graph, 0, 1, 10, 51, ALL)).isInstanceOf(IllegalArgumentException.class);
    }
}
