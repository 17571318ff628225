package org.gospelib.search.internal;

import org.gospelib.evaluation.NaveJudgments;
import org.gospelib.search.SearchRequest;
import org.gospelib.search.SearchResults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Search relevance against Nave's Topical Bible: each sampled topic name is a query, the topic's
 * KJV verses are the relevant ones (see {@link NaveJudgments} for the fixed sample). Runs every
 * ranker on KJV with limit 100 and reports mean nDCG@10 and recall@100 as a Markdown table,
 * printed and written to {@code target/relevance.md}. Run with {@code ./gospelib bench relevance}.
 *
 * <p>Not a unit test (it needs the corpus, the embedding model and minutes): its name keeps it
 * out of the test run.
 */
public final class RelevanceEvaluation {

    static final String TRANSLATION = "KJV";
    static final int LIMIT = 100;

    /** A way of turning a judged topic into a search request. */
    record Ranker(String label, String mode, boolean anyWord) {
        String query(String topicQuery) {
            return anyWord ? String.join(" OR ", topicQuery.split(" ")) : topicQuery;
        }
    }

    static final List<Ranker> RANKERS = List.of(
            new Ranker("lexical (all words)", "lexical", false),
            new Ranker("lexical (any word, OR)", "lexical", true),
            new Ranker("semantic", "semantic", false),
            new Ranker("hybrid", "hybrid", false));

    private RelevanceEvaluation() {
    }

    public static void main(String[] args) throws Exception {
        NaveJudgments.Sample sample = NaveJudgments.load(Path.of(System.getProperty("gospelib.sword", "/usr/share/sword")));
        if (List.of(args).contains("--sample")) {
            // the judgments alone, to inspect the sample without starting the application
            System.out.printf("%d queries of %d eligible topics (%d read), step %d%n%s%n", sample.judgments().size(),
                    sample.eligible(), sample.topics(), sample.step(), NaveJudgments.RULE);
            sample.judgments().forEach(j -> System.out.printf("%-40s %-30s %d%n", j.topicKey(), j.query(), j.relevantOsis().size()));
            return;
        }
        try (ConfigurableApplicationContext context = BenchApplication.start("relevance", true)) {
            BenchApplication.awaitIndex(context, TRANSLATION, false, 5);
            BenchApplication.awaitIndex(context, TRANSLATION, true, 20);
            SearchService search = context.getBean(SearchService.class);
            List<NaveJudgments.Judgment> judgments = sample.judgments();
            // per ranker and query: nDCG@10, recall@100, hits
            Map<Ranker, double[][]> perQuery = new LinkedHashMap<>();
            for (Ranker ranker : RANKERS) {
                double[][] q = new double[judgments.size()][];
                for (int i = 0; i < judgments.size(); i++) {
                    NaveJudgments.Judgment j = judgments.get(i);
                    List<String> ranked = run(search, ranker, j.query(), LIMIT);
                    q[i] = new double[] {RankingMetrics.ndcg(ranked, j.relevantOsis(), 10),
                            RankingMetrics.recall(ranked, j.relevantOsis(), LIMIT), ranked.size()};
                }
                perQuery.put(ranker, q);
            }
            String report = report(sample, perQuery);
            System.out.println(report);
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target/relevance.md"), report);
        }
    }

    static List<String> run(SearchService search, Ranker ranker, String query, int limit) {
        SearchResults result = search.search(SearchRequest.of(ranker.query(query)).in(TRANSLATION)
                .by(SearchRequest.Mode.of(ranker.mode()).orElseThrow()).limit(limit));
        List<String> osis = new ArrayList<>(result.hits().size());
        for (SearchResults.Hit hit : result.hits()) osis.add(hit.osis());
        return osis;
    }

    private static String report(NaveJudgments.Sample sample, Map<Ranker, double[][]> perQuery) {
        StringBuilder md = new StringBuilder();
        int n = sample.judgments().size();
        int relevant = sample.judgments().stream().mapToInt(j -> j.relevantOsis().size()).sum();
        md.append(String.format(Locale.ROOT, "Nave's Topical Bible as judgments: %d queries (of %d eligible topics, %d read; step %d), "
                + "%.1f relevant KJV verses per query on average.%n", n, sample.eligible(), sample.topics(),
                sample.step(), (double) relevant / n));
        md.append("Sample: ").append(NaveJudgments.RULE).append(".\n\n");
        // the queries whose words the KJV text does not contain (Nave's own vocabulary: "atheism")
        double[][] lexical = perQuery.get(RANKERS.getFirst());
        boolean[] gap = new boolean[n];
        int counted = 0;
        for (int i = 0; i < n; i++) if (gap[i] = lexical[i][2] == 0) counted++;
        int gaps = counted;
        md.append(String.format(Locale.ROOT, "| ranker (KJV, limit %d) | nDCG@10 | recall@100 | hits per query | queries with no hit "
                + "| nDCG@10, the %d queries lexical matches | nDCG@10, the %d it does not |%n", LIMIT, n - gaps, gaps));
        md.append("|---|---:|---:|---:|---:|---:|---:|\n");
        perQuery.forEach((ranker, q) -> {
            double ndcg = 0, recall = 0, hits = 0, matched = 0, unmatched = 0;
            int none = 0;
            for (int i = 0; i < n; i++) {
                ndcg += q[i][0];
                recall += q[i][1];
                hits += q[i][2];
                if (q[i][2] == 0) none++;
                if (gap[i]) unmatched += q[i][0];
                else matched += q[i][0];
            }
            md.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.1f | %d | %.3f | %s |%n", ranker.label(), ndcg / n, recall / n,
                    hits / n, none, matched / Math.max(1, n - gaps), gaps == 0 ? "–" : String.format(Locale.ROOT, "%.3f", unmatched / gaps)));
        });
        md.append("\nQueries lexical search does not match: ");
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < n; i++) if (gap[i]) missed.add(sample.judgments().get(i).query());
        md.append(String.join(", ", missed)).append('\n');
        md.append("\nQueries: ");
        md.append(String.join(", ", sample.judgments().stream().map(NaveJudgments.Judgment::query).toList())).append('\n');
        return md.toString();
    }
}
