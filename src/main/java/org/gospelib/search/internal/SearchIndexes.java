package org.gospelib.search.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;
import org.gospelib.content.CorpusSnapshotSwapped;
import org.gospelib.content.ScriptureText;
import org.gospelib.content.TranslationInfo;
import org.gospelib.content.TranslationVerse;
import org.gospelib.platform.BackgroundWork;
import org.gospelib.platform.CorpusBuilds;
import org.gospelib.platform.GospelibProperties;
import org.gospelib.scripture.Versification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The search indexes, one Lucene index per translation under {@code <data-dir>/search/<id>/},
 * rebuilt off the request path whenever content swaps in a new corpus snapshot.
 *
 * <p>Each index directory is named by a fingerprint of what went into it (analysis version,
 * the translation's content digest, and the embedding model for a semantic index),
 * so a translation whose content did not change is not rebuilt, and a restart reopens the
 * indexes on disk at once. A build writes to a temporary directory renamed into place when
 * committed; the open indexes are swapped atomically and the old ones closed when their last
 * search is done.
 *
 * <p>Lexical indexes for every translation come first (seconds); the semantic ones, which
 * need an embedding of every verse text, follow and replace them.
 */
@Component("search")
class SearchIndexes implements HealthIndicator, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexes.class);
    private static final int CHUNK = 1_024;
    /**
     * Vectors quantised to one byte per dimension (Lucene's scalar quantisation): a semantic query
     * reads a quarter of the bytes, so a quarter of the pages of the mapped index stay resident
     * (docs/performance.md, "Start-up and memory"). The full vectors stay in the index for merges.
     */
    private static final Codec QUANTIZED_VECTORS = new Lucene104Codec() {
        private final KnnVectorsFormat quantized = new Lucene104HnswScalarQuantizedVectorsFormat();

        @Override
        public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
            return quantized;
        }
    };
    /** Directory names: the content's fingerprint, then which index and its format. */
    private static final String LEXICAL_SUFFIX = "-lexical";
    private static final String SEMANTIC_SUFFIX = "-" + Embeddings.MODEL_ID + "-sq8";
    private static final int WRITER_BUFFER_MB = 16;

    private final ScriptureText scripture;
    private final Embeddings embeddings;
    private final Path root;
    private final boolean semanticEnabled;
    private final Set<String> semanticLanguages;
    private final AtomicReference<Map<String, TranslationIndex>> current = new AtomicReference<>(Map.of());
    private final BackgroundWork building;
    private final CorpusBuilds corpusBuilds;
    private volatile long indexedCorpusVersion = -1;
    private volatile long wantedCorpusVersion = -1;

    SearchIndexes(ScriptureText scripture, Embeddings embeddings, GospelibProperties properties, CorpusBuilds corpusBuilds,
            MeterRegistry meters,
            @Value("${gospelib.search.semantic.enabled:true}") boolean semanticEnabled,
            @Value("${gospelib.search.semantic.languages:en}") List<String> semanticLanguages,
            @Value("${gospelib.search.retry-delay:5s}") Duration retryDelay) {
        this.scripture = scripture;
        this.embeddings = embeddings;
        this.corpusBuilds = corpusBuilds;
        this.root = properties.dataDir().resolve("search");
        this.semanticEnabled = semanticEnabled;
        this.semanticLanguages = Set.copyOf(semanticLanguages.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList());
        // a failed build keeps the indexes in use and is tried again, 5 s, 10 s, … up to 5 min apart
        this.building = new BackgroundWork("search-index", this::buildAll, retryDelay, Duration.ofMinutes(5), meters);
        this.meters = meters;
        for (String kind : List.of(LEXICAL, SEMANTIC)) {
            for (String outcome : List.of("success", "failure")) builds(kind, outcome);
            buildTime(kind);
        }
    }

    private static final String LEXICAL = "lexical";
    private static final String SEMANTIC = "semantic";
    private final MeterRegistry meters;

    private Counter builds(String kind, String outcome) {
        return Counter.builder("gospelib.search.index.builds").tag("kind", kind).tag("outcome", outcome)
                .description("index builds (a translation's lexical or semantic index)").register(meters);
    }

    private Timer buildTime(String kind) {
        return Timer.builder("gospelib.search.index.build").tag("kind", kind)
                .description("time to build one translation's index (successful builds)").register(meters);
    }

    @EventListener
    void on(CorpusSnapshotSwapped event) {
        wantedCorpusVersion = event.corpusVersion();
        building.request();
    }

    /** The index of a translation, acquired; release it when done. */
    TranslationIndex acquire(String translationId) {
        while (true) {
            TranslationIndex index = current.get().get(translationId);
            if (index == null || index.acquire()) return index;
        }
    }

    boolean semanticOffered(TranslationInfo info) {
        return semanticEnabled && semanticLanguages.contains(language(info));
    }

    private static String language(TranslationInfo info) {
        String lang = info.language() == null ? "" : info.language().toLowerCase(Locale.ROOT);
        int dash = lang.indexOf('-');
        return dash > 0 ? lang.substring(0, dash) : lang;
    }

    /** What an operator sees of one translation's index. */
    record IndexStatus(String translation, boolean open, boolean semanticOffered, boolean semanticOpen, int verses, long buildMillis) {
    }

    /** Every translation's index: open or still being built, and whether its semantic part is there. */
    List<IndexStatus> status() {
        Map<String, TranslationIndex> open = current.get();
        return scripture.translations().stream().map(info -> {
            TranslationIndex index = open.get(info.id());
            return new IndexStatus(info.id(), index != null, semanticOffered(info), index != null && index.semantic,
                    index == null ? 0 : index.docs, index == null ? 0 : index.buildMillis);
        }).toList();
    }

    /** Fingerprints of the open indexes, for ETags. */
    String state() {
        StringBuilder key = new StringBuilder();
        current.get().values().forEach(i -> key.append(i.key()).append(','));
        return key.toString();
    }

    private void buildAll() {
        long version = scripture.corpusVersion();
        List<TranslationInfo> translations = scripture.translations();
        long start = System.nanoTime();
        Map<String, String> fingerprints = new LinkedHashMap<>();
        for (TranslationInfo info : translations) fingerprints.put(info.id(), fingerprint(info));
        for (TranslationInfo info : translations) {
            String fp = fingerprints.get(info.id());
            TranslationIndex open = current.get().get(info.id());
            if (open != null && open.fingerprint.equals(fp)) continue;
            boolean wantSemantic = semanticOffered(info);
            TranslationIndex index = wantSemantic ? openExisting(info, fp, true) : null;
            if (index == null) index = openExisting(info, fp, false);
            if (index == null) index = buildInTurn(info, fp, false);
            swapIn(index);
        }
        retainOnly(fingerprints.keySet());
        indexedCorpusVersion = version;
        log.info("search: lexical indexes of corpus v{} ready in {} ms ({})", version,
                (System.nanoTime() - start) / 1_000_000, summary());
        boolean built = false;
        for (TranslationInfo info : translations) {
            // a newer corpus is waiting: its build comes next and covers this translation too
            if (!semanticOffered(info) || wantedCorpusVersion != version) continue;
            String fp = fingerprints.get(info.id());
            TranslationIndex open = current.get().get(info.id());
            if (open != null && open.semantic && open.fingerprint.equals(fp)) continue;
            TranslationIndex semantic = buildInTurn(info, fp, true);
            if (semantic != null) swapIn(semantic);
            built = true;
        }
        if (built) handBackTheHeap();
    }

    /**
     * One translation's index, built when no other corpus build runs (a snapshot load would not
     * fit beside it). A build that waited while a newer corpus was loaded is not made (null):
     * the newer corpus's builds cover it.
     */
    private TranslationIndex buildInTurn(TranslationInfo info, String fingerprint, boolean semantic) {
        long version = scripture.corpusVersion();
        return corpusBuilds.oneAtATime(() -> semantic && scripture.corpusVersion() != version ? null
                : build(info, fingerprint, semantic));
    }

    /**
     * Embedding a corpus and building its indexes is one-off work that grows the heap well past
     * what serving needs; the serial collector hands memory back only after a full collection,
     * which a serving process may not see for hours. One, now, returns it.
     */
    private static void handBackTheHeap() {
        Runtime runtime = Runtime.getRuntime();
        long before = runtime.totalMemory();
        System.gc();
        log.info("search: index builds done; heap committed {} -> {} MiB", before >> 20, runtime.totalMemory() >> 20);
    }

    private String summary() {
        StringBuilder s = new StringBuilder();
        current.get().values().forEach(i -> s.append(i.info.id()).append(": ").append(i.docs).append(" verses")
                .append(i.semantic ? " +vectors" : "").append("; "));
        return s.toString();
    }

    /** The verses to index, decoded one at a time as the stream is read. */
    private Stream<TranslationVerse> verses(TranslationInfo info) {
        Versification kjv = Versification.kjv();
        return scripture.verses(info.id()).filter(v -> kjv.contains(v.kjvRef()) && !v.content().text().isBlank());
    }

    /**
     * What went into an index: the analysis version and the translation's content digest, so an
     * unchanged translation reopens its index without its verses being read again.
     */
    private String fingerprint(TranslationInfo info) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String content = scripture.contentDigest(info.id())
                    .orElseThrow(() -> new IllegalStateException("no content digest for " + info.id()));
            sha.update(("v" + Analyzers.VERSION + "|" + info.id() + "|" + info.language() + "|" + content)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path dir(TranslationInfo info, String fingerprint, boolean semantic) {
        return root.resolve(info.id()).resolve(fingerprint + (semantic ? SEMANTIC_SUFFIX : LEXICAL_SUFFIX));
    }

    private TranslationIndex openExisting(TranslationInfo info, String fingerprint, boolean semantic) {
        Path path = dir(info, fingerprint, semantic);
        if (!Files.isDirectory(path)) return null;
        try {
            Directory directory = new MMapDirectory(path);
            if (!DirectoryReader.indexExists(directory)
                    || !fingerprint.equals(SegmentInfos.readLatestCommit(directory).getUserData().get("fingerprint"))) {
                directory.close();
                return null;
            }
            log.info("search: reopened the {} index of {} at {}", semantic ? "semantic" : "lexical", info.id(), path);
            return new TranslationIndex(info, fingerprint, semantic, path, directory, DirectoryReader.open(directory), 0);
        } catch (IOException | RuntimeException e) {
            log.warn("search: could not reopen {}; rebuilding", path, e);
            return null;
        }
    }

    /**
     * Writes a translation's index. Verses are read and, for a semantic index, embedded in chunks
     * of {@value #CHUNK}, and the writer flushes every {@value #WRITER_BUFFER_MB} MB, so the heap
     * holds a chunk at a time whatever the corpus's size.
     */
    private TranslationIndex build(TranslationInfo info, String fingerprint, boolean semantic) {
        String kind = semantic ? SEMANTIC : LEXICAL;
        long start = System.nanoTime();
        try {
            TranslationIndex index = write(info, fingerprint, semantic);
            buildTime(kind).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            builds(kind, "success").increment();
            return index;
        } catch (RuntimeException | Error e) {
            builds(kind, "failure").increment();
            throw e;
        }
    }

    private TranslationIndex write(TranslationInfo info, String fingerprint, boolean semantic) {
        long start = System.nanoTime();
        Path target = dir(info, fingerprint, semantic);
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        Embeddings.Tally tally = new Embeddings.Tally();
        try {
            deleteTree(temp);
            deleteTree(target);
            Files.createDirectories(temp);
            try (Directory directory = new MMapDirectory(temp);
                    IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(Analyzers.forLanguage(info.language()))
                            .setOpenMode(IndexWriterConfig.OpenMode.CREATE).setRAMBufferSizeMB(WRITER_BUFFER_MB)
                            .setCodec(QUANTIZED_VECTORS));
                    Stream<TranslationVerse> verses = verses(info)) {
                Iterator<TranslationVerse> it = verses.iterator();
                List<TranslationVerse> chunk = new ArrayList<>(CHUNK);
                int done = 0;
                long lastLog = System.nanoTime();
                while (it.hasNext()) {
                    chunk.add(it.next());
                    if (chunk.size() < CHUNK && it.hasNext()) continue;
                    List<float[]> vectors = semantic
                            ? embeddings.vectors(chunk.stream().map(v -> v.content().text()).toList(), tally)
                            : null;
                    for (int i = 0; i < chunk.size(); i++) {
                        writer.addDocument(IndexFields.document(chunk.get(i), semantic ? vectors.get(i) : null));
                    }
                    done += chunk.size();
                    chunk.clear();
                    if (semantic && System.nanoTime() - lastLog > 10_000_000_000L) {
                        lastLog = System.nanoTime();
                        log.info("search: semantic index of {}: {} verses ({} embedded, {} from the cache)", info.id(),
                                done, tally.embedded, tally.cached);
                    }
                }
                // One segment for a lexical index. A semantic index keeps the few segments its flushes
                // made: merging their vector graphs into one takes as long again as building them, and
                // each segment searched with its own candidates finds more of the true nearest
                // neighbours (recall@10 0.996 against 0.984 on the KJV, at about twice the query's 1.6 ms).
                if (!semantic) writer.forceMerge(1);
                writer.setLiveCommitData(Map.of("fingerprint", fingerprint, "translation", info.id()).entrySet());
                writer.commit();
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            Directory directory = new MMapDirectory(target);
            long millis = (System.nanoTime() - start) / 1_000_000;
            TranslationIndex index = new TranslationIndex(info, fingerprint, semantic, target, directory,
                    DirectoryReader.open(directory), millis);
            log.info("search: built the {} index of {}: {} verses in {} ms{}", semantic ? "semantic" : "lexical", info.id(),
                    index.docs, millis, semantic ? " (" + tally.embedded + " texts embedded, " + tally.cached + " from the cache)" : "");
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void swapIn(TranslationIndex index) {
        Map<String, TranslationIndex> before;
        Map<String, TranslationIndex> after;
        do {
            before = current.get();
            after = new LinkedHashMap<>(before);
            after.put(index.info.id(), index);
        } while (!current.compareAndSet(before, Map.copyOf(after)));
        TranslationIndex old = before.get(index.info.id());
        if (old != null && old != index) {
            old.release();
            if (!old.path.equals(index.path)) deleteQuietly(old.path);
        }
    }

    private void retainOnly(Set<String> ids) {
        Map<String, TranslationIndex> before = current.get();
        Map<String, TranslationIndex> after = new HashMap<>();
        List<TranslationIndex> dropped = new ArrayList<>();
        before.forEach((id, index) -> {
            if (ids.contains(id)) after.put(id, index);
            else dropped.add(index);
        });
        current.set(Map.copyOf(after));
        dropped.forEach(TranslationIndex::release);
        // index directories of earlier corpora
        try (Stream<Path> translationsDirs = Files.isDirectory(root) ? Files.list(root) : Stream.empty()) {
            for (Path translationDir : translationsDirs.toList()) {
                TranslationIndex open = after.get(translationDir.getFileName().toString());
                try (Stream<Path> children = Files.list(translationDir)) {
                    for (Path child : children.toList()) {
                        if (open == null || !child.equals(open.path)) {
                            String name = child.getFileName().toString();
                            // the other index of the same content (an index of an older vector format goes)
                            if (open != null && (name.equals(open.fingerprint + LEXICAL_SUFFIX)
                                    || name.equals(open.fingerprint + SEMANTIC_SUFFIX))) continue;
                            deleteQuietly(child);
                        }
                    }
                }
            }
        } catch (IOException e) {
            log.debug("search: could not clean {}", root, e);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            deleteTree(path);
        } catch (IOException e) {
            log.debug("search: could not delete {}", path, e);
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) return;
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    @Override
    public Health health() {
        List<TranslationInfo> served = scripture.translations();
        Map<String, TranslationIndex> open = current.get();
        boolean complete = !served.isEmpty() && served.stream().allMatch(t -> open.containsKey(t.id()));
        Health.Builder health = complete ? Health.up() : Health.outOfService();
        Map<String, Object> details = new LinkedHashMap<>();
        open.values().forEach(i -> details.put(i.info.id(), Map.of("verses", i.docs, "semantic", i.semantic,
                "buildMillis", i.buildMillis)));
        health.withDetail("indexes", details).withDetail("corpusVersion", indexedCorpusVersion)
                .withDetail("build", building.details());
        return health.build();
    }

    @Override
    public void destroy() throws InterruptedException {
        // Let a build in progress leave native code (an embedding batch takes about a second)
        // before the process goes: stop it between batches and wait for it.
        embeddings.close();
        building.stop(Duration.ofSeconds(60));
        current.getAndSet(Map.of()).values().forEach(TranslationIndex::release);
    }
}
