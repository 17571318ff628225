package org.gospelib.content.internal.api;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.gospelib.content.internal.corpus.CorpusSnapshot;
import org.gospelib.content.internal.corpus.SnapshotHolder;
import org.gospelib.content.internal.graph.ScriptureGraph;
import org.gospelib.identity.Caller;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The corpus this content replica serves, its graph and its answer cache, as operators see them (admins only). */
@RestController
@Tag(name = "Operations")
class CorpusAdminController {

    /** The corpus served: its version and the key of its content (equal keys, equal content). */
    record Corpus(boolean loaded, long version, String contentKey, List<TranslationCount> translations, Graph graph,
            AnswerCache answerCache) {
    }

    record TranslationCount(String id, int verses) {
    }

    /** The scripture graph: off the heap when it is served from the snapshot file. */
    record Graph(int nodes, int verses, int edges, long edgeBytes, boolean onHeap) {
    }

    /** Answers kept whole for repeated corpus requests, since this process started. */
    record AnswerCache(long hits, long misses, double hitRate, long entries) {
    }

    private final SnapshotHolder snapshots;
    private final MeterRegistry meters;

    CorpusAdminController(SnapshotHolder snapshots, MeterRegistry meters) {
        this.snapshots = snapshots;
        this.meters = meters;
    }

    @GetMapping("/v1/admin/corpus")
    @Operation(summary = "The corpus served, its graph and the answer cache's hit rate (admins only)")
    ResponseEntity<Corpus> corpus(HttpServletRequest request) {
        Caller.operator(request);
        CorpusSnapshot snapshot = snapshots.current();
        ScriptureGraph graph = snapshot.graph();
        long hits = count("hit");
        long misses = count("miss");
        long entries = Optional.ofNullable(meters.find("cache.size").tag("cache", "answers").gauge()).map(Gauge::value)
                .map(Double::longValue).orElse(0L);
        Corpus corpus = new Corpus(snapshot.isLoaded(), snapshot.version(), snapshot.contentKey(),
                snapshot.translations().stream().map(t -> new TranslationCount(t.info().id(), t.info().verseCount())).toList(),
                new Graph(graph.nodeCount(), graph.verseCount(), graph.edgeCount(), graph.edgeBytes(), graph.onHeap()),
                new AnswerCache(hits, misses, hits + misses == 0 ? 0 : (double) hits / (hits + misses), entries));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(corpus);
    }

    private long count(String result) {
        return Optional.ofNullable(meters.find("cache.gets").tag("cache", "answers").tag("result", result).functionCounter())
                .map(FunctionCounter::count).map(Double::longValue).orElse(0L);
    }
}
