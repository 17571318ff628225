package org.gospelib.content.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * A graph written and read back answers as the graph built, whether its arrays are copied onto
 * the heap or served from the buffer it was read from (off the heap, as a mapped file is).
 */
class GraphFormatTest {

    @Property(tries = 40)
    void aGraphReadBackAnswersAsTheGraphWritten(@ForAll @IntRange(min = 0, max = 10_000) int seed) throws IOException {
        ScriptureGraph built = RandomGraphs.random(seed, 1 + seed % 9, seed % 7, 50 + seed % 300);
        byte[] bytes = bytes(built);
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();

        ScriptureGraph copied = GraphFormat.read(ByteBuffer.wrap(bytes));
        ScriptureGraph inPlace = GraphFormat.readInPlace(direct);

        assertThat(copied.onHeap()).isTrue();
        assertThat(inPlace.onHeap()).isFalse();
        assertThat(direct.hasRemaining()).as("the reader stops at the graph's end").isFalse();
        for (ScriptureGraph read : new ScriptureGraph[] {copied, inPlace}) {
            assertThat(read.nodeCount()).isEqualTo(built.nodeCount());
            assertThat(read.edgeCount()).isEqualTo(built.edgeCount());
            for (int node = 0; node < built.nodeCount(); node++) {
                assertThat(read.key(node)).isEqualTo(built.key(node));
                assertThat(read.kind(node)).isEqualTo(built.kind(node));
                assertThat(read.degree(node)).isEqualTo(built.degree(node));
                for (int e = built.firstEdge(node); e < built.endEdge(node); e++) {
                    assertThat(read.target(e)).isEqualTo(built.target(e));
                    assertThat(read.weight(e)).isEqualTo(built.weight(e));
                    assertThat(read.edgeKind(e)).isEqualTo(built.edgeKind(e));
                    assertThat(read.source(read.evidence(e))).isEqualTo(built.source(built.evidence(e)));
                }
            }
            for (int v = 0; v < RandomGraphs.VERSES; v++) {
                assertThat(read.related().of(v, RelatedVerses.KEPT_PER_VERSE))
                        .isEqualTo(built.related().of(v, RelatedVerses.KEPT_PER_VERSE));
            }
            assertThat(bytes(read)).as("written again, byte for byte").isEqualTo(bytes);
        }
    }

    @Property(tries = 20)
    void aGraphCutShortIsRefused(@ForAll @IntRange(min = 0, max = 10_000) int seed) throws IOException {
        byte[] bytes = bytes(RandomGraphs.random(seed, 4, 3, 120));
        int cut = 1 + seed % (bytes.length - 1);
        ByteBuffer shorter = ByteBuffer.allocateDirect(cut).put(bytes, 0, cut).flip();
        assertThatThrownBy(() -> GraphFormat.readInPlace(shorter)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> GraphFormat.read(ByteBuffer.wrap(bytes, 0, cut).slice())).isInstanceOf(IOException.class);
    }

    private static byte[] bytes(ScriptureGraph graph) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GraphFormat.write(graph, new DataOutputStream(out));
        return out.toByteArray();
    }
}
