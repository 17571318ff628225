package org.gospelib.jobs;

import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * How often a failed job is tried again, and after how long: the delay doubles from
 * {@code firstDelay} up to {@code maxDelay}, with "equal jitter" (half the delay fixed, half
 * random) so that jobs failing together do not all come back at the same moment; or, given a
 * {@code schedule}, the delays it lists, one after each failure, each with a tenth of it random.
 *
 * @param maxAttempts runs in all, the first included; after the last failure the job is dead
 * @param schedule    explicit delays after the first, second… failure (empty: exponential)
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay, List<Duration> schedule) {

    /** Eight runs over about two and a half hours. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(8, Duration.ofSeconds(10), Duration.ofHours(1));

    public RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay) {
        this(maxAttempts, firstDelay, maxDelay, List.of());
    }

    /** The delays after each failure, as listed; the job is dead when the list runs out. */
    public static RetryPolicy schedule(List<Duration> delays) {
        Duration max = delays.stream().max(Duration::compareTo).orElse(Duration.ZERO);
        return new RetryPolicy(delays.size() + 1, Duration.ZERO, max, delays);
    }

    public RetryPolicy {
        schedule = List.copyOf(schedule);
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1");
        if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("0 <= firstDelay <= maxDelay");
        }
    }

    /** The delay before the next run, after {@code failures} failed runs in a row (1 or more). */
    public Duration delayAfter(int failures, RandomGenerator random) {
        if (!schedule.isEmpty()) {
            long listed = schedule.get(Math.min(failures, schedule.size()) - 1).toMillis();
            long tenth = listed / 10;
            return Duration.ofMillis(listed - tenth + (tenth == 0 ? 0 : random.nextLong(tenth + 1)));
        }
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
