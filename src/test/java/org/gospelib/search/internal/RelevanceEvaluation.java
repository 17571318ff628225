package org.gospelib.search.internal;

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
            Map<Ranker, double[]> totals = new LinkedHashMap<>();
            Map<Ranker, Integer> empty = new LinkedHashMap<>();
            for (Ranker ranker : RANKERS) {
                double ndcg = 0;
                double recall = 0;
                double hits = 0;
                int none = 0;
                for (NaveJudgments.Judgment j : sample.judgments()) {
                    List<String> ranked = run(search, ranker, j.query(), LIMIT);
                    ndcg += RankingMetrics.ndcg(ranked, j.relevantOsis(), 10);
                    recall += RankingMetrics.recall(ranked, j.relevantOsis(), LIMIT);
                    hits += ranked.size();
                    if (ranked.isEmpty()) none++;
                }
                int n = sample.judgments().size();
                totals.put(ranker, new double[] {ndcg / n, recall / n, hits / n});
                empty.put(ranker, none);
            }
            String report = report(sample, totals, empty);
            System.out.println(report);
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target/relevance.md"), report);
        }
    }

    static List<String> run(SearchService search, Ranker ranker, String query, int limit) {
        SearchModel.Result result = search.search(new SearchService.Request(ranker.query(query), TRANSLATION, ranker.mode(),
                null, null, null, null, String.valueOf(limit), null));
        List<String> osis = new ArrayList<>(result.hits().size());
        for (SearchModel.Hit hit : result.hits()) osis.add(hit.osis());
        return osis;
    }

    private static String report(NaveJudgments.Sample sample, Map<Ranker, double[]> totals, Map<Ranker, Integer> empty) {
        StringBuilder md = new StringBuilder();
        int relevant = sample.judgments().stream().mapToInt(j -> j.relevantOsis().size()).sum();
        md.append(String.format(Locale.ROOT, "Nave's Topical Bible as judgments: %d queries (of %d eligible topics, %d read; step %d), "
                + "%.1f relevant KJV verses per query on average.%n", sample.judgments().size(), sample.eligible(), sample.topics(),
                sample.step(), (double) relevant / sample.judgments().size()));
        md.append("Sample: ").append(NaveJudgments.RULE).append(".\n\n");
        md.append("| ranker (KJV, limit ").append(LIMIT).append(") | nDCG@10 | recall@100 | hits per query | queries with no hit |\n");
        md.append("|---|---:|---:|---:|---:|\n");
        totals.forEach((ranker, t) -> md.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.1f | %d |%n", ranker.label(),
                t[0], t[1], t[2], empty.get(ranker))));
        md.append("\nQueries: ");
        md.append(String.join(", ", sample.judgments().stream().map(NaveJudgments.Judgment::query).toList())).append('\n');
        return md.toString();
    }
}
