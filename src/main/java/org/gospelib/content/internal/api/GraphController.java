package org.gospelib.content.internal.api;

import org.gospelib.content.internal.ContentProblems;
import org.gospelib.content.internal.corpus.CorpusSnapshot;
import org.gospelib.content.internal.corpus.SnapshotHolder;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.gospelib.content.internal.graph.EdgeKind;
import org.gospelib.content.internal.graph.GraphEdge;
import org.gospelib.content.internal.graph.Neighbourhood;
import org.gospelib.content.internal.graph.ScriptureGraph;
import org.gospelib.content.internal.graph.ShortestPath;
import org.gospelib.platform.CorpusCaching;
import org.gospelib.platform.ProblemException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bounded exploration of the scripture graph and shortest paths through it. Nodes are named by
 * key: {@code verse:John.3.16}, {@code topic:LOVE}, {@code lemma:G26}, {@code commentary:MHCC:12}.
 * Answers are computed from the in-memory graph and kept in the graph query cache (shared
 * across replicas when it is Redis), keyed by corpus version.
 */
@RestController
@RequestMapping(path = "/v1/graph", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
@Tag(name = "Graph", description = "Neighbours and paths between verses, topics, lemmas and commentary entries")
class GraphController {

    static final Set<EdgeKind> BASE_KINDS = EnumSet.of(EdgeKind.CROSS_REFERENCES, EdgeKind.LISTS, EdgeKind.SEE_ALSO,
            EdgeKind.COVERS, EdgeKind.CITES, EdgeKind.OCCURS_IN, EdgeKind.LEMMA_LINK);
    /** Lemmas such as "and" occur in most verses: a path through one says nothing. */
    static final Set<EdgeKind> PATH_KINDS = EnumSet.of(EdgeKind.CROSS_REFERENCES, EdgeKind.LISTS, EdgeKind.SEE_ALSO,
            EdgeKind.COVERS, EdgeKind.CITES);

    private final SnapshotHolder snapshots;
    private final References references;
    private final GraphQueryCache cache;
    private final JsonMapper mapper;
    private final Counter hits;
    private final Counter misses;
    private final Timer neighbourQueries;
    private final Timer pathQueries;

    GraphController(SnapshotHolder snapshots, References references, GraphQueryCache cache, JsonMapper mapper,
            MeterRegistry meters) {
        this.snapshots = snapshots;
        this.references = references;
        this.cache = cache;
        this.mapper = mapper;
        this.hits = Counter.builder("gospelib.graph.cache").tag("cache", cache.name()).tag("result", "hit").register(meters);
        this.misses = Counter.builder("gospelib.graph.cache").tag("cache", cache.name()).tag("result", "miss").register(meters);
        this.neighbourQueries = queryTimer(meters, "neighbours");
        this.pathQueries = queryTimer(meters, "path");
    }

    private static Timer queryTimer(MeterRegistry meters, String query) {
        return Timer.builder("gospelib.graph.queries").tag("query", query)
                .description("graph traversals computed (answers from the query cache not counted)").register(meters);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NodeJson(String id, String kind, String label, Integer depth) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EdgeJson(String from, String to, String kind, double weight, String source) {
    }

    record NeighbourhoodJson(String node, int depth, List<String> kinds, List<NodeJson> nodes, List<EdgeJson> edges,
            boolean truncated) {
    }

    record PathJson(String from, String to, List<String> kinds, boolean found, int length, List<NodeJson> nodes,
            List<EdgeJson> edges) {
    }

    @GetMapping("/neighbours")
    @Operation(summary = "Explore around a node",
            description = "Breadth first up to depth 3, following each node's strongest edges of the kinds asked for "
                    + "(fan-out), until the node budget is spent. Kinds: cross-reference, lists, see-also, covers, cites, "
                    + "occurs-in, lemma-link, related (default: all but related).")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = NeighbourhoodJson.class)))
    ResponseEntity<byte[]> neighbours(@RequestParam(required = false) String node,
            @RequestParam(defaultValue = "1") int depth, @RequestParam(defaultValue = "50") int nodes,
            @RequestParam(name = "fan-out", defaultValue = "10") int fanOut,
            @RequestParam(required = false) String kinds, WebRequest request) {
        CorpusSnapshot snapshot = snapshots.loaded();
        ScriptureGraph graph = snapshot.graph();
        check(depth >= 0 && depth <= Neighbourhood.MAX_DEPTH, "depth must be between 0 and " + Neighbourhood.MAX_DEPTH);
        check(nodes >= 1 && nodes <= Neighbourhood.MAX_NODES, "nodes must be between 1 and " + Neighbourhood.MAX_NODES);
        check(fanOut >= 1 && fanOut <= Neighbourhood.MAX_FAN_OUT, "fan-out must be between 1 and " + Neighbourhood.MAX_FAN_OUT);
        Set<EdgeKind> allowed = kinds(kinds, BASE_KINDS, true);
        int start = node(graph, node, "node");
        String key = "n|" + graph.key(start) + "|" + depth + "|" + nodes + "|" + fanOut + "|" + names(allowed);
        return answer(snapshot, key, request, neighbourQueries, () -> {
            Neighbourhood found = Neighbourhood.explore(graph, start, depth, nodes, fanOut, allowed);
            List<NodeJson> nodeJson = found.nodes().stream().map(r -> node(graph, r.node(), r.depth())).toList();
            return new NeighbourhoodJson(graph.key(start), depth, names(allowed), nodeJson, edges(graph, found.edges()),
                    found.truncated());
        });
    }

    @GetMapping("/path")
    @Operation(summary = "Shortest path between two nodes",
            description = "The fewest edges, of the kinds asked for (default: cross-reference, lists, see-also, covers, "
                    + "cites), at most max-length (≤ 8). found=false when there is no such path.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = PathJson.class)))
    ResponseEntity<byte[]> path(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(name = "max-length", defaultValue = "6") int maxLength,
            @RequestParam(required = false) String kinds, WebRequest request) {
        CorpusSnapshot snapshot = snapshots.loaded();
        ScriptureGraph graph = snapshot.graph();
        check(maxLength >= 1 && maxLength <= ShortestPath.MAX_LENGTH, "max-length must be between 1 and " + ShortestPath.MAX_LENGTH);
        Set<EdgeKind> allowed = kinds(kinds, PATH_KINDS, false);
        int a = node(graph, from, "from");
        int b = node(graph, to, "to");
        String key = "p|" + graph.key(a) + "|" + graph.key(b) + "|" + maxLength + "|" + names(allowed);
        return answer(snapshot, key, request, pathQueries, () -> {
            Optional<ShortestPath.Path> path = ShortestPath.find(graph, a, b, allowed, maxLength);
            List<NodeJson> nodeJson = new ArrayList<>();
            path.ifPresent(p -> {
                for (int n : p.nodes()) nodeJson.add(node(graph, n, null));
            });
            return new PathJson(graph.key(a), graph.key(b), names(allowed), path.isPresent(),
                    path.map(ShortestPath.Path::length).orElse(0), nodeJson,
                    path.map(p -> edges(graph, p.edges())).orElse(List.of()));
        });
    }

    private ResponseEntity<byte[]> answer(CorpusSnapshot snapshot, String key, WebRequest request, Timer queries,
            Supplier<Object> compute) {
        String etag = CorpusCaching.etag(snapshot.version(), key);
        if (request.checkNotModified(etag)) return CorpusCaching.notModified(etag);
        String cacheKey = "v" + snapshot.version() + "|" + key;
        Optional<byte[]> cached = cache.get(cacheKey);
        byte[] body;
        if (cached.isPresent()) {
            hits.increment();
            body = cached.get();
        } else {
            misses.increment();
            body = mapper.writeValueAsBytes(queries.record(compute));
            // while a newer corpus loads, answers of this one would be kept only to be dropped
            if (!snapshots.loadingBesideServed()) cache.put(cacheKey, body);
        }
        return CorpusCaching.ok(etag, MediaType.APPLICATION_JSON, body);
    }

    /** A newer corpus is loading: this process's answers of the served one let go of their memory. */
    @org.springframework.context.event.EventListener
    void on(SnapshotHolder.CorpusLoadStarted started) {
        cache.clear();
    }

    static NodeJson node(ScriptureGraph graph, int node, Integer depth) {
        return new NodeJson(graph.key(node), graph.kind(node).prefix(), graph.label(node), depth);
    }

    static List<EdgeJson> edges(ScriptureGraph graph, List<GraphEdge> edges) {
        return edges.stream().map(e -> new EdgeJson(graph.key(e.from()), graph.key(e.to()), e.kind().apiName(),
                Math.round(e.weight() * 10_000) / 10_000.0, graph.source(e.evidence()).orElse(null))).toList();
    }

    /** A node by key; a verse may also be given as any single-verse reference ({@code verse:John 3:16}). */
    private int node(ScriptureGraph graph, String key, String parameter) {
        if (key == null || key.isBlank()) throw ContentProblems.missingParameter(parameter);
        String k = key.strip();
        int colon = k.indexOf(':');
        String prefix = colon < 0 ? "" : k.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!List.of("verse", "topic", "lemma", "commentary").contains(prefix)) {
            throw new ProblemException("invalid-node", "Invalid node", 400,
                    "'" + key + "' is not a node key such as verse:John.3.16, topic:LOVE, lemma:G26 or commentary:MHCC:12",
                    Map.<String, Object>of("parameter", parameter));
        }
        String rest = k.substring(colon + 1);
        String normal = switch (prefix) {
            case "verse" -> "verse:" + references.singleVerse(rest).osis();
            case "lemma" -> "lemma:" + rest.toUpperCase(Locale.ROOT).replaceFirst("^([HG])0+", "$1");
            case "topic" -> "topic:" + rest.toUpperCase(Locale.ROOT);
            default -> "commentary:" + rest;
        };
        return graph.node(normal).orElseThrow(() -> new ProblemException("node-not-found", "Node not found", 404,
                "the graph has no node " + normal, Map.<String, Object>of("parameter", parameter, "node", normal)));
    }

    private static Set<EdgeKind> kinds(String list, Set<EdgeKind> defaults, boolean relatedAllowed) {
        if (list == null || list.isBlank()) return defaults;
        Set<EdgeKind> kinds = EnumSet.noneOf(EdgeKind.class);
        for (String name : list.split(",")) {
            EdgeKind kind = EdgeKind.byApiName(name.strip().toLowerCase(Locale.ROOT)).orElseThrow(() -> ContentProblems.invalidParameter(
                    "unknown edge kind '" + name.strip() + "'; kinds are cross-reference, lists, see-also, covers, cites, "
                            + "occurs-in, lemma-link, related"));
            if (kind == EdgeKind.RELATED && !relatedAllowed) {
                throw ContentProblems.invalidParameter("paths follow stored edges only; 'related' is derived");
            }
            kinds.add(kind);
        }
        return kinds;
    }

    private static List<String> names(Set<EdgeKind> kinds) {
        return kinds.stream().map(EdgeKind::apiName).toList();
    }

    private static void check(boolean valid, String detail) {
        if (!valid) throw ContentProblems.invalidParameter(detail);
    }

}
