package org.gospelib.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {

    @Test
    void perfectRankingScoresOne() {
        assertThat(RankingMetrics.ndcg(List.of("a", "b", "x"), Set.of("a", "b"), 10)).isEqualTo(1.0);
    }

    @Test
    void aRelevantVerseLaterCountsLess() {
        // one relevant verse, found second: 1/log2(3) against the ideal 1
        assertThat(RankingMetrics.ndcg(List.of("x", "a"), Set.of("a"), 10)).isCloseTo(1 / (Math.log(3) / Math.log(2)), within(1e-9));
    }

    @Test
    void theIdealIsCappedAtK() {
        // 20 relevant verses, the first 10 all relevant: perfect at 10
        List<String> ranked = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        Set<String> relevant = new HashSet<>(ranked);
        for (int i = 10; i < 20; i++) relevant.add(String.valueOf(i));
        assertThat(RankingMetrics.ndcg(ranked, relevant, 10)).isEqualTo(1.0);
        assertThat(RankingMetrics.recall(ranked, relevant, 100)).isEqualTo(0.5);
    }

    @Test
    void nothingFoundScoresZero() {
        assertThat(RankingMetrics.ndcg(List.of(), Set.of("a"), 10)).isZero();
        assertThat(RankingMetrics.recall(List.of("x"), Set.of("a"), 100)).isZero();
    }
}
