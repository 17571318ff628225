package org.gospelib.jobs;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How often a failed job is tried again, and after how long: the delay doubles from
 * {@code firstDelay} up to {@code maxDelay}, with "equal jitter" (half the delay fixed, half
 * random) so that jobs failing together do not all come back at the same moment.
 *
 * @param maxAttempts runs in all, the first included; after the last failure the job is dead
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay) {

    /** Eight runs over about two and a half hours. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(8, Duration.ofSeconds(10), Duration.ofHours(1));

    public RetryPolicy {
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1");
        if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("0 <= firstDelay <= maxDelay");
        }
    }

    /** The delay before the next run, after {@code failures} failed runs in a row (1 or more). */
    public Duration delayAfter(int failures, RandomGenerator random) {
        long first = firstDelay.toMillis();
        long cap = maxDelay.toMillis();
        long exponential = first;
        for (int i = 1; i < failures && exponential < cap; i++) exponential *= 2;
        exponential = Math.min(exponential, cap);
        long half = exponential / 2;
        return Duration.ofMillis(half + (exponential - half == 0 ? 0 : random.nextLong(exponential - half + 1)));
    }

    /** True when a job that has failed {@code failures} times in a row gets no further run. */
    public boolean exhausted(int failures) {
        return failures >= maxAttempts;
    }
}
