package org.gospelib.content.internal.corpus;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.gospelib.GospelibApplication;
import org.gospelib.content.internal.graph.EdgeKind;
import org.gospelib.content.internal.graph.GraphExport;
import org.gospelib.content.internal.graph.RelatedVerses;
import org.gospelib.content.internal.graph.ScriptureGraph;
import org.gospelib.content.internal.graph.ShortestPath;
import org.postgresql.PGConnection;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The in-memory scripture graph against the same edges in PostgreSQL, queried with recursive
 * CTEs, in one run, one thread, the engines interleaved query by query so that both see the same
 * machine. Every answer of one engine is checked against the other's before anything is timed.
 *
 * <ul>
 *   <li>two-hop related verses (the score behind {@code /v1/verses/{osis}/related}), top 20,
 *       for a fixed sample of verses: PostgreSQL, the graph computing it, the graph's derived answer;
 *   <li>a node's ten strongest edges (one indexed lookup: mostly the JDBC round trip);
 *   <li>shortest path length (at most 3) between two verses over cross-reference, topic and
 *       commentary edges.
 * </ul>
 *
 * Writes {@code target/graph-vs-postgres.md}. Run with {@code ./gospelib bench graph-vs-postgres}.
 */
public final class GraphVersusPostgres {

    static final int TOP = 20;
    static final int SAMPLE = Integer.getInteger("bench.sample", 300);
    static final int PATH_SAMPLE = Integer.getInteger("bench.path-sample", 20);
    static final int MAX_ROUNDS = Integer.getInteger("bench.rounds", 5);
    static final long BUDGET_NANOS = TimeUnit.SECONDS.toNanos(Long.getLong("bench.seconds", 60));

    private GraphVersusPostgres() {
    }

    public static void main(String[] args) throws Exception {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(GospelibApplication.class)
                .web(WebApplicationType.NONE)
                .run("--gospelib.data-dir=target/bench-data", "--gospelib.ingest.on-start=if-empty",
                        "--gospelib.search.semantic.enabled=false", "--logging.level.root=warn",
                        "--logging.level.org.gospelib.content=info",
                        "--logging.file.name=target/bench-data/logs/graph-vs-postgres.log")) {
            SnapshotHolder snapshots = context.getBean(SnapshotHolder.class);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (!snapshots.current().isLoaded() && System.nanoTime() < deadline) Thread.sleep(100);
            ScriptureGraph graph = snapshots.current().graph();
            StringBuilder md = new StringBuilder();
            try (Connection db = context.getBean(DataSource.class).getConnection()) {
                long loadNanos = load(db, graph);
                md.append(String.format(Locale.ROOT, "Graph: %,d nodes, %,d stored edges (both directions), %,d derived "
                        + "related verses; %.1f MiB of edge arrays; built in %d ms (related verses derived on %d cores). "
                        + "PostgreSQL: the same %,d edges in one table, B-tree index on (src, kind), ANALYZE; loaded in %.1f s. "
                        + "One thread; %d sample verses, %d path pairs; up to %d measured rounds, at most %d s per query kind; "
                        + "speed-up = PostgreSQL p50 / graph p50.%n%n",
                        graph.nodeCount(), graph.edgeCount(), graph.related().size(), graph.edgeBytes() / 1048576.0,
                        graph.buildNanos() / 1_000_000, Runtime.getRuntime().availableProcessors(), graph.edgeCount(),
                        loadNanos / 1e9, SAMPLE, PATH_SAMPLE, MAX_ROUNDS, TimeUnit.NANOSECONDS.toSeconds(BUDGET_NANOS)));
                md.append("| query | engine | p50 µs | p99 µs | queries/s | speed-up (p50) |\n|---|---|---:|---:|---:|---:|\n");
                int[] verses = sample(graph, new Random(42), SAMPLE);
                try (PreparedStatement twoHop = db.prepareStatement(TWO_HOP_SQL);
                        PreparedStatement strongest = db.prepareStatement(STRONGEST_SQL);
                        PreparedStatement path = db.prepareStatement(PATH_SQL)) {
                    Postgres pg = new Postgres(twoHop, strongest, path, graph.verseCount());
                    checkTwoHop(graph, pg, verses);
                    List<Engine> twoHopEngines = List.of(
                            new Engine("PostgreSQL recursive CTE", i -> pg.twoHop(verses[i]).size()),
                            new Engine("graph, computed per query", i -> RelatedVerses.compute(graph, verses[i], TOP).size()),
                            new Engine("graph, derived at build (what the API serves)", i -> graph.related().of(verses[i], TOP).size()));
                    table(md, "2-hop related verses, top 20", twoHopEngines, verses.length);

                    List<Engine> strongestEngines = List.of(
                            new Engine("PostgreSQL indexed lookup", i -> pg.strongest(verses[i])),
                            new Engine("graph", i -> GraphExport.strongest(graph, verses[i], 10).length));
                    table(md, "10 strongest edges of a verse", strongestEngines, verses.length);

                    int[][] pairs = pairs(graph, new Random(7), PATH_SAMPLE);
                    EnumSet<EdgeKind> kinds = EnumSet.of(EdgeKind.CROSS_REFERENCES, EdgeKind.LISTS, EdgeKind.COVERS, EdgeKind.CITES);
                    IntFunction<Integer> graphPath = i -> ShortestPath.find(graph, pairs[i][0], pairs[i][1], kinds, 3)
                            .map(ShortestPath.Path::length).orElse(-1);
                    for (int i = 0; i < pairs.length; i++) {
                        int a = graphPath.apply(i);
                        int b = pg.pathLength(pairs[i][0], pairs[i][1]);
                        if (a != b) throw new IllegalStateException("path lengths differ for " + Arrays.toString(pairs[i]) + ": " + a + " vs " + b);
                    }
                    table(md, "shortest path length (≤ 3) between two verses", List.of(
                            new Engine("PostgreSQL recursive CTE", i -> pg.pathLength(pairs[i][0], pairs[i][1])),
                            new Engine("graph, bidirectional BFS", graphPath)), pairs.length);
                    md.append(ping(db));
                }
            }
            System.out.println(md);
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target/graph-vs-postgres.md"), md.toString());
        }
    }

    static final String TWO_HOP_SQL = """
            with recursive walk(node, depth, kind, score) as (
                select dst, 1, kind, weight::float8 from bench_graph_edge
                where src = ? and (kind in (%1$d, %2$d, %4$d) or (kind = %3$d and weight >= %7$s::real))
              union all
                select e.dst, w.depth + 1, e.kind, w.score * e.weight
                from walk w join bench_graph_edge e on e.src = w.node
                where w.depth = 1 and ((w.kind = %3$d and e.kind = %5$d) or (w.kind = %4$d and e.kind = %6$d))
            )
            select node, sum(score) as score from walk where node < ? and node <> ?
            group by node order by score desc, node limit %8$d""".formatted(EdgeKind.CROSS_REFERENCES.ordinal(),
            EdgeKind.CROSS_REFERENCED_BY.ordinal(), EdgeKind.LISTED_IN.ordinal(), EdgeKind.COVERED_BY.ordinal(),
            EdgeKind.LISTS.ordinal(), EdgeKind.CITES.ordinal(), GraphExport.minTopicWeight(), TOP);

    static final String STRONGEST_SQL = "select dst, kind, weight from bench_graph_edge where src = ? order by weight desc, dst limit 10";

    /** Breadth first from one end, depth ≤ 3, over the kinds of the path benchmark in both directions. */
    static final String PATH_SQL = """
            with recursive bfs(node, depth) as (
                select ?::int, 0
              union
                select e.dst, b.depth + 1 from bfs b join bench_graph_edge e on e.src = b.node
                where b.depth < 3 and e.kind in (%s)
            )
            select min(depth) from bfs where node = ?""".formatted(pathKinds());

    private static String pathKinds() {
        List<String> kinds = new ArrayList<>();
        for (EdgeKind k : List.of(EdgeKind.CROSS_REFERENCES, EdgeKind.LISTS, EdgeKind.COVERS, EdgeKind.CITES)) {
            kinds.add(Integer.toString(k.ordinal()));
            kinds.add(Integer.toString(k.inverse().ordinal()));
        }
        return String.join(", ", kinds);
    }

    /** The queries against PostgreSQL, each one prepared statement. */
    record Postgres(PreparedStatement twoHop, PreparedStatement strongest, PreparedStatement path, int verses) {
        List<double[]> twoHop(int verse) {
            try {
                twoHop.setInt(1, verse);
                twoHop.setInt(2, verses);
                twoHop.setInt(3, verse);
                List<double[]> rows = new ArrayList<>();
                try (ResultSet rs = twoHop.executeQuery()) {
                    while (rs.next()) rows.add(new double[] {rs.getInt(1), rs.getDouble(2)});
                }
                return rows;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        int strongest(int node) {
            try {
                strongest.setInt(1, node);
                int n = 0;
                try (ResultSet rs = strongest.executeQuery()) {
                    while (rs.next()) n++;
                }
                return n;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        int pathLength(int from, int to) {
            try {
                path.setInt(1, from);
                path.setInt(2, to);
                try (ResultSet rs = path.executeQuery()) {
                    rs.next();
                    int d = rs.getInt(1);
                    return rs.wasNull() ? -1 : d;
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Copies every stored edge into a fresh table, indexes and analyses it. */
    private static long load(Connection db, ScriptureGraph graph) throws Exception {
        long start = System.nanoTime();
        try (Statement s = db.createStatement()) {
            s.execute("drop table if exists bench_graph_edge");
            s.execute("create unlogged table bench_graph_edge (src int not null, dst int not null, kind smallint not null, weight real not null)");
        }
        StringBuilder rows = new StringBuilder(graph.edgeCount() * 24);
        GraphExport.forEachEdge(graph, (src, dst, kind, weight) -> rows.append(src).append('\t').append(dst).append('\t')
                .append(kind).append('\t').append(weight).append('\n'));
        db.unwrap(PGConnection.class).getCopyAPI().copyIn("copy bench_graph_edge from stdin", new StringReader(rows.toString()));
        try (Statement s = db.createStatement()) {
            s.execute("create index on bench_graph_edge (src, kind)");
            s.execute("analyze bench_graph_edge");
        }
        return System.nanoTime() - start;
    }

    /** Before any timing: PostgreSQL and the graph must give the same related verses with the same scores. */
    private static void checkTwoHop(ScriptureGraph graph, Postgres pg, int[] verses) {
        for (int v : verses) {
            List<RelatedVerses.Related> mine = RelatedVerses.compute(graph, v, TOP);
            List<double[]> theirs = pg.twoHop(v);
            if (mine.size() != theirs.size()) throw new IllegalStateException("verse " + v + ": " + mine.size() + " vs " + theirs.size());
            for (int i = 0; i < mine.size(); i++) {
                double a = mine.get(i).score();
                double b = theirs.get(i)[1];
                if (Math.abs(a - b) > 1e-4 * Math.max(1, b)) {
                    throw new IllegalStateException("verse " + v + " rank " + i + ": score " + a + " vs " + b);
                }
            }
            if (!mine.equals(graph.related().of(v, TOP))) throw new IllegalStateException("derived differs for verse " + v);
        }
    }

    record Engine(String name, IntFunction<Integer> query) {
    }

    private static void table(StringBuilder md, String query, List<Engine> engines, int n) {
        for (int i = 0; i < Math.min(n, 50); i++) for (Engine e : engines) e.query().apply(i);
        long[][] nanos = new long[engines.size()][n * MAX_ROUNDS];
        long[] total = new long[engines.size()];
        int count = 0;
        long deadline = System.nanoTime() + BUDGET_NANOS;
        for (int r = 0; r < MAX_ROUNDS && System.nanoTime() < deadline; r++) {
            for (int i = 0; i < n; i++) {
                for (int e = 0; e < engines.size(); e++) {
                    long t0 = System.nanoTime();
                    sink += engines.get(e).query().apply(i);
                    nanos[e][count] = System.nanoTime() - t0;
                    total[e] += nanos[e][count];
                }
                count++;
            }
        }
        double baseline = percentile(nanos[0], count, 0.5);
        for (int e = 0; e < engines.size(); e++) {
            double p50 = percentile(nanos[e], count, 0.5);
            md.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %,.0f | **%.0f×** |%n", query, engines.get(e).name(),
                    p50 / 1000, percentile(nanos[e], count, 0.99) / 1000, count / (total[e] / 1e9), baseline / p50));
        }
    }

    private static String ping(Connection db) throws SQLException {
        long[] nanos = new long[2000];
        try (PreparedStatement s = db.prepareStatement("select 1")) {
            for (int i = 0; i < 500 + nanos.length; i++) {
                long t0 = System.nanoTime();
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                }
                if (i >= 500) nanos[i - 500] = System.nanoTime() - t0;
            }
        }
        return String.format(Locale.ROOT, "%nJDBC round trip alone (`SELECT 1`, loopback): p50 %.0f µs, p99 %.0f µs.%n",
                percentile(nanos, nanos.length, 0.5) / 1000, percentile(nanos, nanos.length, 0.99) / 1000);
    }

    private static double percentile(long[] nanos, int count, double p) {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return sorted[Math.min(count - 1, (int) Math.ceil(p * count) - 1)];
    }

    /** Verses with at least one edge, drawn with a fixed seed, plus a few everyone asks about. */
    private static int[] sample(ScriptureGraph graph, Random random, int size) {
        int[] verses = new int[size];
        String[] famous = {"John.3.16", "Ps.23.1", "Gen.1.1", "Rom.8.28", "Phil.4.13", "2Kgs.12.4"};
        int n = 0;
        for (String osis : famous) if (n < size) verses[n++] = graph.node("verse:" + osis).orElseThrow();
        while (n < size) {
            int v = random.nextInt(graph.verseCount());
            if (graph.degree(v) > 0) verses[n++] = v;
        }
        return verses;
    }

    private static int[][] pairs(ScriptureGraph graph, Random random, int size) {
        int[] a = sample(graph, random, size);
        int[] b = sample(graph, new Random(random.nextLong()), size);
        int[][] pairs = new int[size][];
        for (int i = 0; i < size; i++) pairs[i] = new int[] {a[i], b[(i + 1) % size]};
        return pairs;
    }

    private static long sink;
}
