package org.gospelib.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(8, Duration.ofSeconds(10), Duration.ofHours(1));

    @Test
    void delaysDoubleUpToTheCapWithHalfOfEachRandom() {
        SplittableRandom random = new SplittableRandom(7);
        for (int failures = 1; failures <= 40; failures++) {
            long exponential = Math.min(10_000L << Math.min(failures - 1, 30), 3_600_000L);
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < 200; i++) {
                long delay = policy.delayAfter(failures, random).toMillis();
                assertThat(delay).as("after %d failures", failures).isBetween(exponential / 2, exponential);
                seen.add(delay);
            }
            // jitter: jobs that failed together do not come back together
            assertThat(seen.size()).as("distinct delays after %d failures", failures).isGreaterThan(150);
        }
    }

    @Test
    void theLastAttemptIsTheMaximum() {
        assertThat(policy.exhausted(7)).isFalse();
        assertThat(policy.exhausted(8)).isTrue();
        assertThat(new RetryPolicy(1, Duration.ZERO, Duration.ZERO).exhausted(1)).isTrue();
        assertThat(new RetryPolicy(1, Duration.ZERO, Duration.ZERO).delayAfter(3, new SplittableRandom())).isZero();
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofMinutes(2), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JobKind<>("Bad Name", String.class)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JobRequest.of(RecordingJobs.KIND, "has space", new RecordingJobs.Payload("", 0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JobRequest.of(RecordingJobs.KIND, "x".repeat(201), new RecordingJobs.Payload("", 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
