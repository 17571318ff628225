package org.gospelib.content.internal.graph;

import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A built {@link ScriptureGraph} as bytes, so that a restart reads the graph's arrays instead of
 * building them again (deriving every verse's related verses is most of a restart's snapshot
 * time). Big-endian, as {@link DataOutputStream} writes; arrays are read in bulk from the buffer.
 * The caller checksums the bytes and decides whether they were written by this code.
 */
public final class GraphFormat {

    private static final int MAX_ARRAY = 64 << 20;

    /** The classes whose code decides the graph's bytes: a file written by other code is not read. */
    public static final List<Class<?>> SHAPED_BY = List.of(GraphFormat.class, GraphBuilder.class, ScriptureGraph.class,
            RelatedVerses.class, TwoHopScorer.class, EdgeKind.class, NodeKind.class);

    private GraphFormat() {
    }

    public static void write(ScriptureGraph graph, DataOutputStream out) throws IOException {
        out.writeInt(graph.verseCount());
        int others = graph.nodeCount() - graph.verseCount();
        out.writeInt(others);
        for (int i = 0; i < others; i++) {
            int node = graph.verseCount() + i;
            out.writeByte(graph.kind(node).ordinal());
            writeString(out, graph.key(node));
            writeString(out, graph.label(node));
        }
        String[] sources = graph.sources();
        out.writeInt(sources.length);
        for (String s : sources) writeString(out, s);
        ScriptureGraph.Adjacency a = graph.adjacency();
        writeInts(out, a.offsets());
        writeInts(out, a.targets());
        writeFloats(out, a.weights());
        writeBytes(out, a.kinds());
        writeBytes(out, a.evidence());
        RelatedVerses r = graph.related();
        writeInts(out, r.offsets());
        writeInts(out, r.targets());
        writeFloats(out, r.scores());
        writeInts(out, r.evidenceOffsets());
        writeInts(out, r.evidence());
        out.writeLong(graph.buildNanos());
    }

    /** The graph {@link #write} wrote; {@code in} is left after it. */
    public static ScriptureGraph read(ByteBuffer in) throws IOException {
        try {
            int verseCount = in.getInt();
            int others = count(in);
            NodeKind[] kinds = new NodeKind[others];
            String[] keys = new String[others];
            String[] labels = new String[others];
            Map<String, Integer> byKey = HashMap.newHashMap(others);
            NodeKind[] all = NodeKind.values();
            for (int i = 0; i < others; i++) {
                int kind = in.get();
                if (kind < 1 || kind >= all.length) throw new IOException("bad node kind " + kind);
                kinds[i] = all[kind];
                keys[i] = readString(in);
                labels[i] = readString(in);
                byKey.put(keys[i], verseCount + i);
            }
            String[] sources = new String[count(in)];
            for (int i = 0; i < sources.length; i++) sources[i] = readString(in);
            var adjacency = new ScriptureGraph.Adjacency(readInts(in), readInts(in), readFloats(in), readBytes(in), readBytes(in));
            var related = new RelatedVerses(readInts(in), readInts(in), readFloats(in), readInts(in), readInts(in));
            long buildNanos = in.getLong();
            int nodes = verseCount + others;
            if (adjacency.offsets().length != nodes + 1 || related.offsets().length != verseCount + 1) {
                throw new IOException("graph arrays do not match its " + nodes + " nodes");
            }
            return new ScriptureGraph(verseCount, kinds, keys, labels, Map.copyOf(byKey), sources, adjacency, related,
                    buildNanos);
        } catch (java.nio.BufferUnderflowException e) {
            throw new EOFException("graph cut short");
        }
    }

    private static int count(ByteBuffer in) throws IOException {
        int n = in.getInt();
        if (n < 0 || n > MAX_ARRAY) throw new IOException("bad count " + n);
        return n;
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(ByteBuffer in) throws IOException {
        byte[] bytes = new byte[count(in)];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void writeInts(DataOutputStream out, int[] values) throws IOException {
        out.writeInt(values.length);
        ByteBuffer chunk = ByteBuffer.allocate(4 * Math.min(values.length, 16_384));
        for (int from = 0; from < values.length; from += 16_384) {
            chunk.clear();
            chunk.asIntBuffer().put(values, from, Math.min(16_384, values.length - from));
            out.write(chunk.array(), 0, 4 * Math.min(16_384, values.length - from));
        }
    }

    private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        int[] bits = new int[values.length];
        for (int i = 0; i < values.length; i++) bits[i] = Float.floatToRawIntBits(values[i]);
        writeInts(out, bits);
    }

    private static void writeBytes(DataOutputStream out, byte[] values) throws IOException {
        out.writeInt(values.length);
        out.write(values);
    }

    private static int[] readInts(ByteBuffer in) throws IOException {
        int[] values = new int[count(in)];
        in.asIntBuffer().get(values);
        in.position(in.position() + 4 * values.length);
        return values;
    }

    private static float[] readFloats(ByteBuffer in) throws IOException {
        float[] values = new float[count(in)];
        in.asFloatBuffer().get(values);
        in.position(in.position() + 4 * values.length);
        return values;
    }

    private static byte[] readBytes(ByteBuffer in) throws IOException {
        byte[] values = new byte[count(in)];
        in.get(values);
        return values;
    }
}
