package org.gospelib.study.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class PlanBuilderTest {

    @Property
    void everyChapterOnceInOrderAndEveryDayHasOne(@ForAll @Size(min = 1, max = 300) List<@LongRange(min = 1, max = 50_000) Long> lengths,
            @ForAll @IntRange(min = 1, max = 300) int wanted) {
        List<PlanBuilder.Chapter> chapters = chapters(lengths);
        int days = Math.min(wanted, chapters.size());
        List<List<PlanBuilder.Chapter>> plan = PlanBuilder.balance(chapters, days);
        assertThat(plan).hasSize(days).allSatisfy(day -> assertThat(day).isNotEmpty());
        assertThat(plan.stream().flatMap(List::stream).toList()).isEqualTo(chapters);
    }

    @Property
    void chaptersOfEqualLengthAreSharedOutEvenly(@ForAll @IntRange(min = 1, max = 300) int count,
            @ForAll @IntRange(min = 1, max = 300) int wanted) {
        List<Long> lengths = new ArrayList<>();
        for (int i = 0; i < count; i++) lengths.add(1_000L);
        int days = Math.min(wanted, count);
        List<List<PlanBuilder.Chapter>> plan = PlanBuilder.balance(chapters(lengths), days);
        int fewest = plan.stream().mapToInt(List::size).min().orElseThrow();
        int most = plan.stream().mapToInt(List::size).max().orElseThrow();
        assertThat(most - fewest).isLessThanOrEqualTo(1);
    }

    @Test
    void balancesByLengthNotByChapterCount() {
        // one long chapter and many short ones: the long one gets a day to itself
        List<Long> lengths = new ArrayList<>(List.of(10_000L));
        for (int i = 0; i < 9; i++) lengths.add(1_000L);
        List<List<PlanBuilder.Chapter>> plan = PlanBuilder.balance(chapters(lengths), 2);
        assertThat(plan.get(0)).hasSize(1);
        assertThat(plan.get(1)).hasSize(9);
        assertThat(PlanBuilder.osis(plan.get(1))).containsExactly("Ps.2-Ps.10");
    }

    private static List<PlanBuilder.Chapter> chapters(List<Long> lengths) {
        List<PlanBuilder.Chapter> chapters = new ArrayList<>();
        for (int i = 0; i < lengths.size(); i++) chapters.add(new PlanBuilder.Chapter("Ps", i + 1, lengths.get(i)));
        return chapters;
    }
}
