package org.gospelib.search.internal;

import java.util.List;
import java.util.Set;

/** Ranking quality against binary judgments. */
final class RankingMetrics {

    private RankingMetrics() {
    }

    /** nDCG at k with gain 1 for a relevant verse; the ideal ranking puts min(|relevant|, k) of them first. */
    static double ndcg(List<String> ranked, Set<String> relevant, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            if (relevant.contains(ranked.get(i))) dcg += 1 / log2(i + 2);
        }
        double ideal = 0;
        for (int i = 0; i < Math.min(k, relevant.size()); i++) ideal += 1 / log2(i + 2);
        return ideal == 0 ? 0 : dcg / ideal;
    }

    /** Share of the relevant verses found in the first k. */
    static double recall(List<String> ranked, Set<String> relevant, int k) {
        if (relevant.isEmpty()) return 0;
        int found = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) if (relevant.contains(ranked.get(i))) found++;
        return (double) found / relevant.size();
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
