package org.gospelib.content.internal.corpus;

import org.gospelib.content.internal.ContentProblems;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.gospelib.content.CorpusSnapshotSwapped;
import org.gospelib.content.CorpusUpdates;
import org.gospelib.content.ScriptureText;
import org.gospelib.content.TranslationVerse;
import org.gospelib.content.TranslationInfo;
import org.gospelib.content.internal.graph.ScriptureGraph;
import org.gospelib.ingest.CorpusChanged;
import org.gospelib.ingest.CorpusTables;
import io.micrometer.core.instrument.MeterRegistry;
import org.gospelib.platform.BackgroundWork;
import org.gospelib.platform.CorpusBuilds;
import org.gospelib.platform.GospelibProperties;
import org.gospelib.scripture.VerseContent;
import org.gospelib.scripture.VerseRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Holds the current {@link CorpusSnapshot} and swaps it when the corpus changes: at once when
 * the change happened in this process ({@link CorpusChanged}), and by polling the corpus version
 * otherwise, which is how every replica in the split topology notices an ingest job's work.
 * Readiness is DOWN until a snapshot with content is loaded.
 */
@Component("snapshot")
public class SnapshotHolder implements ScriptureText, CorpusUpdates, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(SnapshotHolder.class);
    private final CorpusBuilds corpusBuilds;
    /** A newer corpus is being loaded while one is served (not at the first load). */
    private volatile boolean loadingBesideServed;
    private static final String POLL_INTERVAL = "#{${gospelib.pubsub.enabled:false} ? '${gospelib.content.safety-poll-interval:5m}'"
            + " : '${gospelib.content.poll-interval:15s}'}";

    private final SnapshotLoader loader;
    private final Optional<SnapshotFile> file;
    private final ApplicationEventPublisher events;
    private final AtomicReference<CorpusSnapshot> current = new AtomicReference<>(CorpusSnapshot.EMPTY);
    private final ReentrantLock reloading = new ReentrantLock();
    private volatile Duration lastLoadTime = Duration.ZERO;

    private final boolean enabled;
    private volatile boolean started;

    private final BackgroundWork loading;

    public SnapshotHolder(SnapshotLoader loader, ApplicationEventPublisher events,
            @Value("${gospelib.content.snapshot:true}") boolean enabled,
            @Value("${gospelib.content.snapshot-file:true}") boolean keepFile, GospelibProperties properties,
            MeterRegistry meters, @Value("${gospelib.content.retry-delay:5s}") Duration retryDelay, CorpusBuilds corpusBuilds) {
        this.loader = loader;
        this.corpusBuilds = corpusBuilds;
        this.file = keepFile ? Optional.of(new SnapshotFile(properties.dataDir().resolve("snapshot"))) : Optional.empty();
        this.events = events;
        this.enabled = enabled;
        // a failed load keeps the snapshot in use and is tried again, 5 s, 10 s, … up to 5 min apart
        this.loading = new BackgroundWork("snapshot-load", this::reloadIfChanged, retryDelay, Duration.ofMinutes(5), meters);
    }

    public CorpusSnapshot current() {
        return current.get();
    }

    /** The current snapshot for answering a request; a 503 problem while no corpus is loaded. */
    public CorpusSnapshot loaded() {
        CorpusSnapshot snapshot = current.get();
        if (!snapshot.isLoaded()) throw ContentProblems.corpusNotReady();
        return snapshot;
    }

    /**
     * Loading waits for the application to be ready, that is, after a first-start ingest has
     * finished: readiness must not turn UP while only part of the corpus is loaded.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void loadAtStart() {
        started = true;
        loading.request();
    }

    @ApplicationModuleListener
    public void on(CorpusChanged event) {
        loading.request();
    }

    @Override
    public void corpusChanged(long corpusVersion) {
        if (corpusVersion > current.get().version()) loading.request();
    }

    /**
     * Polls for a corpus changed elsewhere; while loading fails, its backoff decides instead. With
     * Pub/Sub, new corpora are announced on a topic ({@link #corpusChanged}) and the poll is only a
     * safety net, every {@code gospelib.content.safety-poll-interval}.
     */
    @Scheduled(fixedDelayString = POLL_INTERVAL, initialDelayString = POLL_INTERVAL)
    public void poll() {
        if (!loading.failing()) loading.request();
    }

    /** Loads a new snapshot if the database holds a newer corpus than the one in memory; throws if it cannot. */
    private void reloadIfChanged() {
        if (!enabled || !started) return;
        reloading.lock();
        try {
            CorpusSnapshot snapshot = current.get();
            CorpusTables.Identity stored = loader.currentIdentity();
            if (stored.version() == snapshot.version() && (snapshot.isLoaded() || stored.version() == 0)) return;
            Instant start = Instant.now();
            if (snapshot.isLoaded() && stored.contentKey().equals(snapshot.contentKey())) {
                // the same modules stored again (a full ingest of unchanged modules, or one step of
                // a run that has not reached a changed one): the served corpus is that content
                swap(snapshot.at(stored.version()), start, "memory (the same content as v" + snapshot.version() + ")");
                return;
            }
            // a new corpus beside the one served: alone, not beside an index build, and with the
            // caches of the served one's answers let go (they go stale with the swap anyway)
            Optional<CorpusSnapshot> kept;
            CorpusSnapshot loaded;
            loadingBesideServed = snapshot.isLoaded();
            try {
                if (loadingBesideServed) events.publishEvent(new CorpusLoadStarted(snapshot.version()));
                kept = corpusBuilds.oneAtATime(() -> file.flatMap(f -> f.read(stored.contentKey(), stored.version())));
                loaded = kept.isPresent() ? kept.get() : corpusBuilds.oneAtATime(() -> fromDatabase(snapshot));
            } finally {
                loadingBesideServed = false;
            }
            swap(loaded, start, kept.isPresent() ? "the snapshot file" : "the database");
        } catch (RuntimeException e) {
            throw new IllegalStateException("could not load the corpus snapshot; keeping v" + current.get().version(), e);
        } finally {
            reloading.unlock();
        }
    }

    private void swap(CorpusSnapshot loaded, Instant start, String source) {
        current.set(loaded);
        lastLoadTime = Duration.between(start, Instant.now());
        events.publishEvent(new CorpusSnapshotSwapped(loaded.version(),
                loaded.translations().stream().map(TranslationSnapshot::id).toList()));
        var graph = loaded.graph();
        log.info("corpus snapshot v{} loaded from {}: {} translations in {} ms; graph of {} nodes, {} edges, "
                + "{} related verses ({} MiB of arrays, built in {} ms)", loaded.version(), source,
                loaded.translations().size(), lastLoadTime.toMillis(), graph.nodeCount(), graph.edgeCount(),
                graph.related().size(), graph.edgeBytes() >> 20, graph.buildNanos() / 1_000_000);
    }

    /**
     * The corpus read from the database with its graph built, written to the snapshot file and
     * served from there, so that the verses' JSON leaves the heap; from the heap if there is no
     * file. Each translation goes to the file as soon as it is decoded (with an empty graph
     * after them), so a load beside the corpus being served holds one translation at a time; the
     * verses are read back, the graph is built, and it is written into the file in place of the
     * empty one, for the next start.
     */
    private CorpusSnapshot fromDatabase(CorpusSnapshot served) {
        if (file.isEmpty()) return SnapshotLoader.assemble(loader.read());
        SnapshotFile.Writer[] writer = new SnapshotFile.Writer[1];
        CorpusParts parts;
        String contentKey;
        try {
            parts = loader.read(Optional.of(served), new SnapshotLoader.TranslationSink() {
                @Override
                public void begin(long version, String contentKey, String worksKey) throws IOException {
                    writer[0] = file.get().writer(contentKey, worksKey);
                }

                @Override
                public void translation(TranslationSnapshot translation) throws IOException {
                    writer[0].translation(translation);
                }
            });
            contentKey = parts.contentKey();
            writer[0].works(parts.works());
            writer[0].graph(ScriptureGraph.EMPTY);
            writer[0].commit();
        } catch (IOException | RuntimeException e) {
            log.warn("could not write the snapshot file; the corpus is served from the heap: {}", e.toString());
            return SnapshotLoader.assemble(loader.read());
        } finally {
            closeQuietly(writer[0]);
        }
        // the verses are read back from the file to be served from it; the works are the ones in hand
        CorpusSnapshot verses = file.get().readBeforeItsGraph(contentKey, parts.version(), parts.works())
                .orElseThrow(() -> new IllegalStateException("the snapshot file just written cannot be read back"));
        ScriptureGraph graph = GraphAssembler.build(parts.works(), parts.crossReferences());
        // served from the file once written there, so its arrays leave the heap
        ScriptureGraph mapped = file.get().replaceGraph(contentKey, graph).orElse(graph);
        return new CorpusSnapshot(verses.version(), contentKey, parts.worksKey(), verses.translations(), parts.works(),
                mapped);
    }

    private static void closeQuietly(SnapshotFile.Writer writer) {
        if (writer == null) return;
        try {
            writer.close();
        } catch (IOException e) {
            log.warn("could not remove an unfinished snapshot file: {}", e.toString());
        }
    }

    /** Whether a newer corpus is being loaded while this one is served. */
    public boolean loadingBesideServed() {
        return loadingBesideServed;
    }

    /** Within content: a newer corpus starts loading beside the served one (its caches may let go). */
    public record CorpusLoadStarted(long servedVersion) {
    }

    @Override
    public Health health() {
        CorpusSnapshot snapshot = current.get();
        Health.Builder health = snapshot.isLoaded() ? Health.up() : Health.outOfService();
        return health.withDetail("corpusVersion", snapshot.version())
                .withDetail("translations", snapshot.translations().size())
                .withDetail("loadMillis", lastLoadTime.toMillis())
                .withDetail("graphNodes", snapshot.graph().nodeCount())
                .withDetail("graphEdges", snapshot.graph().edgeCount())
                .withDetail("graphBuildMillis", snapshot.graph().buildNanos() / 1_000_000)
                .withDetail("load", loading.details())
                .build();
    }

    @Override
    public List<TranslationInfo> translations() {
        return current.get().translations().stream().map(TranslationSnapshot::info).toList();
    }

    @Override
    public Optional<VerseContent> verse(String translationId, VerseRef kjvRef) {
        return current.get().translation(translationId).flatMap(t -> t.atKjv(kjvRef)).map(VerseEntry::content);
    }

    @Override
    public Stream<TranslationVerse> verses(String translationId) {
        // no flatMap: iterating a flat-mapped stream buffers all of the inner stream, and each
        // verse is decoded here, so the whole translation would be on the heap at once
        Optional<TranslationSnapshot> translation = current.get().translation(translationId);
        if (translation.isEmpty()) return Stream.empty();
        return translation.get().inKjvOrder()
                .map(e -> new TranslationVerse(e.getKey(), e.getValue().nativeRef(), e.getValue().content()));
    }

    @Override
    public Optional<String> contentDigest(String translationId) {
        return current.get().translation(translationId).map(TranslationSnapshot::contentDigest);
    }

    @Override
    public long corpusVersion() {
        return current.get().version();
    }
}
