package org.gospelib.content.internal.graph;

import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
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

    /** The graph {@link #write} wrote, its arrays copied onto the heap; {@code in} is left after it. */
    public static ScriptureGraph read(ByteBuffer in) throws IOException {
        return read(in, false);
    }

    /**
     * The graph {@link #write} wrote, its edges and related verses served from {@code in} itself
     * (a mapped file: the graph's arrays stay off the heap); {@code in} must stay valid while the
     * graph is used, and is left after it. Node keys and labels are read onto the heap.
     */
    public static ScriptureGraph readInPlace(ByteBuffer in) throws IOException {
        return read(in, true);
    }

    private static ScriptureGraph read(ByteBuffer in, boolean inPlace) throws IOException {
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
            var adjacency = new ScriptureGraph.Adjacency(ints(in, inPlace), ints(in, inPlace), floats(in, inPlace),
                    bytes(in, inPlace), bytes(in, inPlace));
            var related = new RelatedVerses(ints(in, inPlace), ints(in, inPlace), floats(in, inPlace), ints(in, inPlace),
                    ints(in, inPlace));
            long buildNanos = in.getLong();
            int nodes = verseCount + others;
            if (adjacency.offsets().capacity() != nodes + 1 || related.offsets().capacity() != verseCount + 1) {
                throw new IOException("graph arrays do not match its " + nodes + " nodes");
            }
            return new ScriptureGraph(verseCount, kinds, keys, labels, Map.copyOf(byKey), sources, adjacency, related,
                    buildNanos);
        } catch (java.nio.BufferUnderflowException | IndexOutOfBoundsException e) {
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

    private static final int CHUNK = 16_384;

    private static void writeInts(DataOutputStream out, IntBuffer values) throws IOException {
        IntBuffer from = values.duplicate().clear();
        out.writeInt(from.remaining());
        ByteBuffer chunk = ByteBuffer.allocate(4 * CHUNK);
        while (from.hasRemaining()) {
            int n = Math.min(CHUNK, from.remaining());
            chunk.clear().asIntBuffer().put(from.slice(from.position(), n));
            from.position(from.position() + n);
            out.write(chunk.array(), 0, 4 * n);
        }
    }

    private static void writeFloats(DataOutputStream out, FloatBuffer values) throws IOException {
        FloatBuffer from = values.duplicate().clear();
        out.writeInt(from.remaining());
        ByteBuffer chunk = ByteBuffer.allocate(4 * CHUNK);
        while (from.hasRemaining()) {
            int n = Math.min(CHUNK, from.remaining());
            chunk.clear().asFloatBuffer().put(from.slice(from.position(), n));
            from.position(from.position() + n);
            out.write(chunk.array(), 0, 4 * n);
        }
    }

    private static void writeBytes(DataOutputStream out, ByteBuffer values) throws IOException {
        ByteBuffer from = values.duplicate().clear();
        out.writeInt(from.remaining());
        byte[] chunk = new byte[4 * CHUNK];
        while (from.hasRemaining()) {
            int n = Math.min(chunk.length, from.remaining());
            from.get(chunk, 0, n);
            out.write(chunk, 0, n);
        }
    }

    private static IntBuffer ints(ByteBuffer in, boolean inPlace) throws IOException {
        int n = count(in);
        IntBuffer view = in.slice(in.position(), 4 * n).asIntBuffer();
        in.position(in.position() + 4 * n);
        return inPlace ? view : IntBuffer.wrap(copy(view));
    }

    private static int[] copy(IntBuffer view) {
        int[] values = new int[view.remaining()];
        view.get(values);
        return values;
    }

    private static FloatBuffer floats(ByteBuffer in, boolean inPlace) throws IOException {
        int n = count(in);
        FloatBuffer view = in.slice(in.position(), 4 * n).asFloatBuffer();
        in.position(in.position() + 4 * n);
        if (inPlace) return view;
        float[] values = new float[n];
        view.get(values);
        return FloatBuffer.wrap(values);
    }

    private static ByteBuffer bytes(ByteBuffer in, boolean inPlace) throws IOException {
        int n = count(in);
        ByteBuffer view = in.slice(in.position(), n);
        in.position(in.position() + n);
        if (inPlace) return view;
        byte[] values = new byte[n];
        view.get(values);
        return ByteBuffer.wrap(values);
    }
}
