package org.gospelib.content.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RelatedVersesTest {

    @Test
    void scoresEachKindOfEvidenceByTheProductOfItsWeights() {
        GraphBuilder builder = new GraphBuilder();
        int small = builder.addNode(NodeKind.TOPIC, "topic:SMALL", "SMALL");
        int huge = builder.addNode(NodeKind.TOPIC, "topic:HUGE", "HUGE");
        int entry = builder.addNode(NodeKind.COMMENTARY, "commentary:MHCC:1", "MHCC");
        builder.addEdge(small, 0, EdgeKind.LISTS, 1f, 0.5f, -1);
        builder.addEdge(small, 1, EdgeKind.LISTS, 1f, 0.5f, -1);
        // a topic whose verse → topic weight is below the threshold relates nothing
        builder.addEdge(huge, 0, EdgeKind.LISTS, 1f, TwoHopScorer.MIN_TOPIC_WEIGHT / 2, -1);
        builder.addEdge(huge, 3, EdgeKind.LISTS, 1f, TwoHopScorer.MIN_TOPIC_WEIGHT / 2, -1);
        builder.addEdge(entry, 0, EdgeKind.COVERS, 0.5f, 0.5f, -1);
        builder.addEdge(entry, 2, EdgeKind.CITES, 0.4f, 0.4f, -1);
        builder.addEdge(entry, 1, EdgeKind.CITES, 0.4f, 0.4f, -1);
        builder.addEdge(0, 4, EdgeKind.CROSS_REFERENCES, 2f, 2f, builder.source("WEB"));
        ScriptureGraph graph = builder.build();

        List<RelatedVerses.Related> related = graph.related().of(0, 10);
        Map<Integer, Float> scores = new HashMap<>();
        related.forEach(r -> scores.put(r.verse(), r.score()));
        assertThat(scores).containsOnlyKeys(1, 2, 4);
        assertThat(scores.get(4)).isEqualTo(2f);
        assertThat(scores.get(1)).isCloseTo(0.5f + 0.5f * 0.4f, within(1e-6f));
        assertThat(scores.get(2)).isCloseTo(0.2f, within(1e-6f));
        assertThat(related).extracting(RelatedVerses.Related::verse).containsExactly(4, 1, 2);
        assertThat(related.get(1).evidence()).extracting(RelatedVerses.Evidence::node).containsExactly(small, entry);
        assertThat(related.getFirst().evidence().getFirst().isCrossReference()).isTrue();
        assertThat(graph.source(related.getFirst().evidence().getFirst().source())).contains("WEB");
        // the note links both ways
        assertThat(graph.related().of(4, 10)).extracting(RelatedVerses.Related::verse).containsExactly(0);
        assertThat(graph.related().of(0, 1)).hasSize(1);
    }

    @Property(tries = 30)
    void derivedRelatedVersesAreWhatTheTwoHopQueryComputes(@ForAll @IntRange(min = 0, max = 10_000) int seed) {
        ScriptureGraph graph = RandomGraphs.random(seed, 8, 6, 200);
        for (int v = 0; v < RandomGraphs.VERSES; v++) {
            assertThat(graph.related().of(v, RelatedVerses.KEPT_PER_VERSE))
                    .isEqualTo(RelatedVerses.compute(graph, v, RelatedVerses.KEPT_PER_VERSE));
        }
    }

    @Property(tries = 30)
    void twoHopScoresAreSumsOverPaths(@ForAll @IntRange(min = 0, max = 10_000) int seed) {
        ScriptureGraph graph = RandomGraphs.random(seed, 8, 6, 200);
        for (int v = 0; v < RandomGraphs.VERSES; v++) {
            Map<Integer, Double> expected = bruteForce(graph, v);
            List<RelatedVerses.Related> related = RelatedVerses.compute(graph, v, 10_000);
            assertThat(related).hasSize(expected.size());
            for (RelatedVerses.Related r : related) {
                assertThat((double) r.score()).isCloseTo(expected.get(r.verse()), within(1e-4));
            }
            for (int i = 1; i < related.size(); i++) {
                assertThat(related.get(i).score()).isLessThanOrEqualTo(related.get(i - 1).score());
            }
        }
    }

    @Property(tries = 30)
    void theBestFewAreTheHeadOfTheWholeRanking(@ForAll @IntRange(min = 0, max = 10_000) int seed,
            @ForAll @IntRange(min = 0, max = 12) int limit) {
        ScriptureGraph graph = RandomGraphs.random(seed, 8, 6, 300);
        for (int v = 0; v < RandomGraphs.VERSES; v++) {
            List<RelatedVerses.Related> all = RelatedVerses.compute(graph, v, 10_000);
            assertThat(RelatedVerses.compute(graph, v, limit)).isEqualTo(all.subList(0, Math.min(limit, all.size())));
        }
    }

    /** Every path of the allowed shapes, enumerated edge by edge. */
    private static Map<Integer, Double> bruteForce(ScriptureGraph g, int v) {
        Map<Integer, Double> scores = new HashMap<>();
        for (int e = g.firstEdge(v); e < g.endEdge(v); e++) {
            EdgeKind k = g.edgeKind(e);
            int via = g.target(e);
            if (k == EdgeKind.CROSS_REFERENCES || k == EdgeKind.CROSS_REFERENCED_BY) {
                if (via != v) scores.merge(via, (double) g.weight(e), Double::sum);
            }
            EdgeKind second = k == EdgeKind.LISTED_IN && g.weight(e) >= TwoHopScorer.MIN_TOPIC_WEIGHT ? EdgeKind.LISTS
                    : k == EdgeKind.COVERED_BY ? EdgeKind.CITES : null;
            if (second == null) continue;
            for (int f = g.firstEdge(via); f < g.endEdge(via); f++) {
                if (g.edgeKind(f) == second && g.target(f) != v) {
                    scores.merge(g.target(f), (double) g.weight(e) * g.weight(f), Double::sum);
                }
            }
        }
        return scores;
    }
}
