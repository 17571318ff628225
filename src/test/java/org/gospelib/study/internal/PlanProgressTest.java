package org.gospelib.study.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlanProgressTest {

    static final LocalDate START = LocalDate.of(2027, 1, 1);

    @Test
    void countsWhatIsReadWhatIsLateAndTheStreak() {
        PlanProgress p = PlanProgress.of(START, LocalDate.of(2027, 1, 6), 10, Set.of(1, 2, 4, 5));
        assertThat(p.today()).isEqualTo(6);
        assertThat(p.completed()).isEqualTo(4);
        assertThat(p.behind()).isEqualTo(1); // day 3; day 6 is today's, not late yet
        assertThat(p.streak()).isEqualTo(2); // days 4 and 5, up to yesterday
        assertThat(p.nextUnread()).isEqualTo(3);
        assertThat(PlanProgress.of(START, LocalDate.of(2027, 1, 6), 10, Set.of(1, 2, 4, 5, 6)).streak()).isEqualTo(3);
    }

    @Test
    void beforeTheStartNothingIsDueAndAtTheEndItIsFinished() {
        PlanProgress before = PlanProgress.of(START, LocalDate.of(2026, 12, 25), 3, Set.of());
        assertThat(before.today()).isZero();
        assertThat(before.behind()).isZero();
        assertThat(PlanProgress.of(START, LocalDate.of(2027, 3, 1), 3, Set.of(1, 2, 3)).finished()).isTrue();
        assertThat(PlanProgress.of(START, LocalDate.of(2027, 3, 1), 3, Set.of(1)).behind()).isEqualTo(1);
    }

    @Test
    void catchingUpMakesTheFirstUnreadDayToday() {
        LocalDate now = LocalDate.of(2027, 1, 20);
        LocalDate start = PlanProgress.catchUpStart(now, 5);
        PlanProgress after = PlanProgress.of(start, now, 30, Set.of(1, 2, 3, 4));
        assertThat(after.today()).isEqualTo(5);
        assertThat(after.behind()).isZero();
    }
}
