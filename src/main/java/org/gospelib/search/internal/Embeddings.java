package org.gospelib.search.internal;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Sentence embeddings of verse texts (all-MiniLM-L6-v2, quantised, 384 dimensions, run in
 * process with ONNX), unit length so that a dot product is the cosine. Every vector is cached in
 * {@code embedding_cache} under the model and the SHA-256 of the text: a text is embedded once,
 * ever, whatever translation or corpus version it appears in.
 */
@Component
class Embeddings {

    static final String MODEL_ID = "all-minilm-l6-v2-q";
    static final int DIMENSIONS = 384;

    private static final int BATCH = 128;
    private static final int LOOKUP_BATCH = 2000;
    /** Where a batch's texts are embedded in parallel, one per core, as LangChain4j's default does. */
    private static final java.util.concurrent.Executor EXECUTOR = java.util.concurrent.Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors()),
            Thread.ofPlatform().name("embedding-", 0).daemon().factory());

    private final JdbcTemplate jdbc;
    private volatile EmbeddingModel model;
    private volatile boolean closed;

    Embeddings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Refuses further work, so that a shutting-down process is not left inside the native ONNX
     * runtime, which crashes the JVM when its libraries are torn down under a running call.
     */
    void close() {
        closed = true;
    }

    private EmbeddingModel model() {
        if (closed) throw new java.util.concurrent.CancellationException("embeddings closed: shutting down");
        EmbeddingModel m = model;
        if (m == null) {
            synchronized (this) {
                if (model == null) model = new SentenceEncoder(EXECUTOR);
                m = model;
            }
        }
        return m;
    }

    /** The embedding of a search query; not cached. */
    float[] embedQuery(String text) {
        return normalise(model().embed(text).content().vector());
    }

    /** What a run of {@link #vectors} calls did: texts looked up in the cache, and embedded. */
    static final class Tally {
        int cached;
        int embedded;
    }

    /**
     * A vector for each text, in order: from the cache, or embedded (a distinct text once) and
     * cached. Callers pass bounded chunks, so that no more than a chunk's vectors are on the heap.
     */
    List<float[]> vectors(List<String> texts, Tally tally) {
        Map<String, byte[]> shaByText = new LinkedHashMap<>();
        for (String text : texts) shaByText.computeIfAbsent(text, Embeddings::sha256);
        Map<String, float[]> byText = new HashMap<>(shaByText.size() * 2);
        Map<String, float[]> cached = lookup(new ArrayList<>(shaByText.values()));
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : shaByText.entrySet()) {
            float[] v = cached.get(HexFormat.of().formatHex(e.getValue()));
            if (v != null && v.length == DIMENSIONS) byText.put(e.getKey(), v);
            else missing.add(e.getKey());
        }
        tally.cached += shaByText.size() - missing.size();
        for (int i = 0; i < missing.size(); i += BATCH) {
            if (closed) throw new java.util.concurrent.CancellationException("embeddings closed: shutting down");
            List<String> batch = missing.subList(i, Math.min(missing.size(), i + BATCH));
            List<Embedding> embedded = model().embedAll(batch.stream().map(TextSegment::from).toList()).content();
            List<Object[]> rows = new ArrayList<>(batch.size());
            for (int j = 0; j < batch.size(); j++) {
                float[] v = normalise(embedded.get(j).vector());
                byText.put(batch.get(j), v);
                rows.add(new Object[] {MODEL_ID, shaByText.get(batch.get(j)), toBytes(v)});
            }
            jdbc.batchUpdate("insert into embedding_cache (model, text_sha256, vector) values (?, ?, ?) "
                    + "on conflict do nothing", rows);
            tally.embedded += batch.size();
        }
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (String text : texts) vectors.add(byText.get(text));
        return vectors;
    }

    private Map<String, float[]> lookup(List<byte[]> shas) {
        Map<String, float[]> found = new HashMap<>(shas.size() * 2);
        for (int i = 0; i < shas.size(); i += LOOKUP_BATCH) {
            List<byte[]> batch = shas.subList(i, Math.min(shas.size(), i + LOOKUP_BATCH));
            jdbc.query(con -> {
                var ps = con.prepareStatement(
                        "select text_sha256, vector from embedding_cache where model = ? and text_sha256 = any(?)");
                Array array = con.createArrayOf("bytea", batch.toArray(new byte[0][]));
                ps.setString(1, MODEL_ID);
                ps.setArray(2, array);
                return ps;
            }, rs -> {
                found.put(HexFormat.of().formatHex(rs.getBytes(1)), fromBytes(rs.getBytes(2)));
            });
        }
        return found;
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static float[] normalise(float[] v) {
        double sum = 0;
        for (float x : v) sum += x * x;
        float norm = (float) Math.sqrt(sum);
        if (norm == 0) return v.clone();
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) out[i] = v[i] / norm;
        return out;
    }

    static byte[] toBytes(float[] v) {
        ByteBuffer buffer = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) buffer.putFloat(x);
        return buffer.array();
    }

    static float[] fromBytes(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[bytes.length / 4];
        for (int i = 0; i < v.length; i++) v[i] = buffer.getFloat();
        return v;
    }
}
