package org.gospelib.search.internal;

import org.gospelib.evaluation.NaveJudgments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.gospelib.content.ScriptureText;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Lexical search speed and quality side by side: the Lucene index behind {@link SearchService}
 * against PostgreSQL full-text search ({@link PostgresFullText}) over the same KJV verses, in
 * one run, one thread, the queries interleaved so that both see the same machine.
 *
 * <p>Queries: the Nave topic names of {@link NaveJudgments} (also judged for nDCG@10) and a few
 * phrase and multi-word queries. Each is asked in two forms: all words (Lucene's default,
 * {@code websearch_to_tsquery} of the text) and any word ({@code a OR b} in both syntaxes).
 *
 * <p>PostgreSQL is asked over JDBC on loopback for the first ten verses and their texts. Lucene
 * is called in process at three depths: the same work ({@link LuceneTopTen}), the same plus book
 * facets, and the whole {@link SearchService} answer (facets, highlighting, typo-tolerant retry).
 * The JDBC round trip alone is measured too ({@code SELECT 1}), and the queries where the whole
 * answer costs most beyond the ranking are listed, to show where its time goes. Writes
 * {@code target/search-vs-postgres.md}. Run with {@code ./gospelib bench search-vs-postgres}.
 */
public final class SearchVersusPostgres {

    static final String TRANSLATION = "KJV";
    static final int LIMIT = 10;
    static final int WARMUP_ROUNDS = 2;
    static final int MAX_ROUNDS = Integer.getInteger("bench.rounds", 10);
    static final long BUDGET_NANOS = TimeUnit.SECONDS.toNanos(Long.getLong("bench.seconds", 120));
    static final List<String> EXTRA_QUERIES = List.of("\"the lord is my shepherd\"", "\"so loved the world\"",
            "\"kingdom of heaven\"", "bread of life", "love your enemies", "faith hope charity", "living water",
            "forgive us our debts");

    private SearchVersusPostgres() {
    }

    public static void main(String[] args) throws Exception {
        NaveJudgments.Sample sample = NaveJudgments.load(Path.of(System.getProperty("gospelib.sword", "/usr/share/sword")));
        // no semantic index: its embedding work would compete for the cores with the measurement
        try (ConfigurableApplicationContext context = BenchApplication.start("search-vs-postgres", false)) {
            BenchApplication.awaitIndex(context, TRANSLATION, false, 5);
            SearchService search = context.getBean(SearchService.class);
            SearchIndexes indexes = context.getBean(SearchIndexes.class);
            LuceneTopTen engine = new LuceneTopTen(indexes, TRANSLATION, false);
            LuceneTopTen engineWithFacets = new LuceneTopTen(indexes, TRANSLATION, true);
            StringBuilder md = new StringBuilder();
            try (PostgresFullText postgres = new PostgresFullText(context.getBean(JdbcTemplate.class),
                    context.getBean(ScriptureText.class), TRANSLATION)) {
                md.append(String.format(Locale.ROOT, "KJV, %d verses. PostgreSQL table + GIN index + ANALYZE built in %.1f s. "
                        + "%d Nave queries (judged) + %d phrase/multi-word queries; limit %d; one thread; "
                        + "up to %d measured rounds after %d warm-up rounds, at most %d s per form; "
                        + "speed-up = PostgreSQL p50 / engine p50 and engine queries/s / PostgreSQL queries/s.%n%n",
                        postgres.rows, postgres.buildMillis / 1000.0, sample.judgments().size(), EXTRA_QUERIES.size(), LIMIT,
                        MAX_ROUNDS, WARMUP_ROUNDS, TimeUnit.NANOSECONDS.toSeconds(BUDGET_NANOS)));
                md.append("| form | engine | p50 µs | p99 µs | queries/s | nDCG@10 (Nave) | speed-up (p50) | speed-up (queries/s) |\n");
                md.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
                StringBuilder slowest = new StringBuilder();
                for (boolean anyWord : new boolean[] {false, true}) {
                    Function<String, String> lucene = q -> anyWord ? anyWordLucene(q) : q;
                    Function<String, String> pg = q -> anyWord ? anyWordWebsearch(q) : q;
                    List<Engine> engines = List.of(
                            new Engine("PostgreSQL FTS (JDBC): the whole answer's work (rank, top 10 highlighted, per-book counts)",
                                    q -> postgres.answer(pg.apply(q), LIMIT)),
                            new Engine("PostgreSQL FTS (JDBC): rank, top 10 with texts", q -> postgres.search(pg.apply(q), LIMIT)),
                            new Engine("Lucene: rank, top 10 with texts", q -> engine.search(lucene.apply(q), LIMIT)),
                            new Engine("Lucene: the same + book facets", q -> engineWithFacets.search(lucene.apply(q), LIMIT)),
                            new Engine("Lucene: whole SearchService answer (facets, highlights, typo retry)",
                                    q -> luceneTop(search, lucene.apply(q))));
                    List<Stats> stats = compare(sample, engines, slowest);
                    String form = anyWord ? "any word (OR)" : "all words";
                    for (int i = 0; i < engines.size(); i++) md.append(row(form, engines.get(i).name(), stats.get(i), stats.getFirst()));
                }
                md.append(slowest);
                Stats ping = measurePing(postgres);
                md.append(String.format(Locale.ROOT, "%nJDBC round trip alone (`SELECT 1`, loopback): p50 %.0f µs, p99 %.0f µs.%n",
                        ping.p50Micros(), ping.p99Micros()));
            }
            System.out.println(md);
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target/search-vs-postgres.md"), md.toString());
        }
    }

    static String anyWordLucene(String q) {
        return q.startsWith("\"") ? q : String.join(" OR ", q.split(" "));
    }

    static String anyWordWebsearch(String q) {
        return q.startsWith("\"") ? q : String.join(" or ", q.split(" "));
    }

    private static List<String> luceneTop(SearchService search, String q) {
        return RelevanceEvaluation.run(search, new RelevanceEvaluation.Ranker("lexical", "lexical", false), q, LIMIT);
    }

    /** Latencies and quality of one engine over the whole query set. */
    record Stats(long[] nanos, int count, long totalNanos, double ndcg) {
        double p50Micros() {
            return percentile(0.50) / 1000.0;
        }

        double p99Micros() {
            return percentile(0.99) / 1000.0;
        }

        double perSecond() {
            return count / (totalNanos / 1e9);
        }

        private long percentile(double p) {
            long[] sorted = Arrays.copyOf(nanos, count);
            Arrays.sort(sorted);
            return sorted[Math.min(count - 1, (int) Math.ceil(p * count) - 1)];
        }
    }

    /** A search engine under measurement: query in, references of the first verses out. */
    record Engine(String name, Function<String, List<String>> search) {
    }

    private static List<Stats> compare(NaveJudgments.Sample sample, List<Engine> engines, StringBuilder slowest) {
        List<String> queries = new ArrayList<>();
        sample.judgments().forEach(j -> queries.add(j.query()));
        queries.addAll(EXTRA_QUERIES);
        int e = engines.size();
        double[] ndcg = new double[e];
        for (NaveJudgments.Judgment j : sample.judgments()) {
            for (int i = 0; i < e; i++) ndcg[i] += RankingMetrics.ndcg(engines.get(i).search().apply(j.query()), j.relevantOsis(), 10);
        }
        for (int r = 0; r < WARMUP_ROUNDS; r++) {
            for (String q : queries) for (Engine engine : engines) engine.search().apply(q);
        }
        long[][] nanos = new long[e][queries.size() * MAX_ROUNDS];
        long[] total = new long[e];
        int n = 0;
        long deadline = System.nanoTime() + BUDGET_NANOS;
        // interleaved query by query, so that every engine sees the same state of a shared machine
        for (int r = 0; r < MAX_ROUNDS && System.nanoTime() < deadline; r++) {
            for (String q : queries) {
                for (int i = 0; i < e; i++) {
                    long t0 = System.nanoTime();
                    blackhole(engines.get(i).search().apply(q));
                    nanos[i][n] = System.nanoTime() - t0;
                    total[i] += nanos[i][n];
                }
                n++;
            }
        }
        slowest.append(slowest(queries, nanos, n));
        List<Stats> stats = new ArrayList<>();
        for (int i = 0; i < e; i++) stats.add(new Stats(nanos[i], n, total[i], ndcg[i] / sample.judgments().size()));
        return stats;
    }

    /** The queries where the whole answer costs most beyond the ranking: where its time goes. */
    private static String slowest(List<String> queries, long[][] nanos, int n) {
        int last = nanos.length - 1;
        double[] ranking = new double[queries.size()];
        double[] whole = new double[queries.size()];
        int[] count = new int[queries.size()];
        for (int k = 0; k < n; k++) {
            int q = k % queries.size();
            ranking[q] += nanos[2][k];
            whole[q] += nanos[last][k];
            count[q]++;
        }
        List<Integer> order = new ArrayList<>();
        for (int q = 0; q < queries.size(); q++) if (count[q] > 0) order.add(q);
        order.sort((a, b) -> Double.compare((whole[b] - ranking[b]) / count[b], (whole[a] - ranking[a]) / count[a]));
        StringBuilder s = new StringBuilder("\nWhole answer vs ranking alone, mean µs, largest differences: ");
        for (int i = 0; i < Math.min(6, order.size()); i++) {
            int q = order.get(i);
            s.append(String.format(Locale.ROOT, "%s`%s` %.0f vs %.0f", i == 0 ? "" : "; ", queries.get(q), whole[q] / count[q] / 1000,
                    ranking[q] / count[q] / 1000));
        }
        return s.append(".\n").toString();
    }

    private static Stats measurePing(PostgresFullText postgres) {
        int count = 2000;
        for (int i = 0; i < 500; i++) postgres.ping();
        long[] nanos = new long[count];
        long total = 0;
        for (int i = 0; i < count; i++) {
            long t0 = System.nanoTime();
            postgres.ping();
            nanos[i] = System.nanoTime() - t0;
            total += nanos[i];
        }
        return new Stats(nanos, count, total, 0);
    }

    private static int sink;

    private static void blackhole(List<String> hits) {
        sink += hits.size();
    }

    private static String row(String form, String engine, Stats s, Stats postgres) {
        String speedP50 = String.format(Locale.ROOT, "**%.2f×**", postgres.p50Micros() / s.p50Micros());
        String speedQps = String.format(Locale.ROOT, "**%.2f×**", s.perSecond() / postgres.perSecond());
        return String.format(Locale.ROOT, "| %s | %s | %.0f | %.0f | %.0f | %.3f | %s | %s |%n", form, engine, s.p50Micros(),
                s.p99Micros(), s.perSecond(), s.ndcg(), speedP50, speedQps);
    }
}
