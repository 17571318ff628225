package org.gospelib.content.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.FloatRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

class GraphBuilderTest {

    @Property
    void packedEdgesUnpackToWhatWasPacked(@ForAll @FloatRange(min = 0.01f, max = 1e6f) @Scale(6) float weight,
            @ForAll @IntRange(min = 0, max = GraphBuilder.MAX_NODES - 1) int target,
            @ForAll @IntRange(min = 0, max = 14) int kind, @ForAll @IntRange(min = 0, max = GraphBuilder.MAX_SOURCES) int source) {
        long packed = GraphBuilder.pack(weight, target, kind, source);
        assertThat(GraphBuilder.weight(packed)).isEqualTo(weight);
        assertThat(GraphBuilder.target(packed)).isEqualTo(target);
        assertThat(GraphBuilder.kind(packed)).isEqualTo(kind);
        assertThat(GraphBuilder.sourcePlusOne(packed)).isEqualTo(source);
    }

    @Property
    void packedOrderIsHeaviestFirst(@ForAll @FloatRange(min = 0.01f, max = 1e6f) @Scale(6) float a,
            @ForAll @FloatRange(min = 0.01f, max = 1e6f) @Scale(6) float b, @ForAll @IntRange(min = 0, max = 1000) int target) {
        long pa = GraphBuilder.pack(a, target, 0, 0);
        long pb = GraphBuilder.pack(b, target, 0, 0);
        assertThat(Long.compare(pa, pb)).isEqualTo(-Float.compare(a, b));
    }

    @Test
    void storesEachEdgeBothWaysHeaviestFirstWithoutDuplicates() {
        GraphBuilder builder = new GraphBuilder();
        int topic = builder.addNode(NodeKind.TOPIC, "topic:SHEPHERD", "SHEPHERD");
        int entry = builder.addNode(NodeKind.COMMENTARY, "commentary:MHCC:1", "MHCC on Psalms 23:1");
        builder.addEdge(topic, 10, EdgeKind.LISTS, 1f, 0.5f, -1);
        builder.addEdge(topic, 11, EdgeKind.LISTS, 1f, 0.5f, -1);
        builder.addEdge(topic, 10, EdgeKind.LISTS, 1f, 0.5f, -1);
        builder.addEdge(entry, 10, EdgeKind.COVERS, 2f, 2f, -1);
        builder.addEdge(10, 12, EdgeKind.CROSS_REFERENCES, 3f, 3f, builder.source("WEB"));
        ScriptureGraph graph = builder.build();

        assertThat(graph.degree(topic)).isEqualTo(2);
        List<String> fromVerse = new ArrayList<>();
        for (int e = graph.firstEdge(10); e < graph.endEdge(10); e++) {
            fromVerse.add(graph.edgeKind(e) + ">" + graph.key(graph.target(e)) + "@" + graph.weight(e));
        }
        assertThat(fromVerse).containsExactly("CROSS_REFERENCES>verse:Gen.1.13@3.0", "COVERED_BY>commentary:MHCC:1@2.0",
                "LISTED_IN>topic:SHEPHERD@0.5");
        assertThat(graph.source(graph.evidence(graph.firstEdge(10)))).contains("WEB");
        assertThat(graph.kind(topic)).isEqualTo(NodeKind.TOPIC);
        assertThat(graph.node("topic:SHEPHERD")).hasValue(topic);
        assertThat(graph.node("verse:Gen.1.11")).hasValue(10);
        assertThat(graph.node("verse:Gen.1.99")).isEmpty();
        assertThat(graph.node("verse:not a verse")).isEmpty();
        assertThat(graph.node("topic:NONE")).isEmpty();
        assertThat(graph.label(10)).isEqualTo("Genesis 1:11");
        assertThat(graph.edgeCount()).isEqualTo(8);
    }

    @Test
    void rejectsWhatItCannotStore() {
        GraphBuilder builder = new GraphBuilder();
        builder.addNode(NodeKind.TOPIC, "topic:A", "A");
        assertThatThrownBy(() -> builder.addNode(NodeKind.TOPIC, "topic:A", "A")).hasMessageContaining("duplicate");
        assertThatThrownBy(() -> builder.addNode(NodeKind.LEMMA, "topic:B", "B")).hasMessageContaining("not a lemma key");
        assertThatThrownBy(() -> builder.addEdge(1, 2, EdgeKind.LISTED_IN, 1f, 1f, -1)).hasMessageContaining("not a base kind");
        assertThatThrownBy(() -> builder.addEdge(1, 2, EdgeKind.CITES, 0f, 1f, -1)).hasMessageContaining("positive");
        assertThatThrownBy(() -> builder.addEdge(1, 2, EdgeKind.CITES, Float.NaN, 1f, -1)).hasMessageContaining("positive");
    }

    @Test
    void everyKindHasAnInverseThatLeadsBack() {
        for (EdgeKind kind : EdgeKind.values()) {
            assertThat(kind.inverse().inverse()).isEqualTo(kind);
            assertThat(kind.inverse().apiName()).isEqualTo(kind.apiName());
            if (kind != EdgeKind.RELATED) assertThat(kind.inverse().canonical()).isNotEqualTo(kind.canonical());
            if (kind.canonical()) assertThat(EdgeKind.byApiName(kind.apiName())).contains(kind);
        }
        assertThat(EdgeKind.byApiName("listed-in")).isEmpty();
    }
}
