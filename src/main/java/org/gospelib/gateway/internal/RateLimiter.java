package org.gospelib.gateway.internal;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/** Takes one token from a caller's bucket. Implementations differ only in where buckets live. */
interface RateLimiter extends AutoCloseable {

    /** One request's worth from the bucket {@code key}, created with {@code tier}'s limit if new. */
    Decision tryConsume(String key, Tier tier);

    @Override
    default void close() {
    }

    /** A bucket's shape: a capacity refilled greedily over a period. */
    record Tier(String name, RateLimitProperties.Limit limit) {
        BucketConfiguration bucket() {
            return BucketConfiguration.builder()
                    .addLimit(l -> l.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()))
                    .build();
        }
    }

    /**
     * The answer, with what the {@code RateLimit-*} headers report.
     *
     * @param allowed          the request may go on
     * @param limit            the bucket's capacity
     * @param remaining        tokens left after this request
     * @param resetSeconds     until the bucket is full again
     * @param retryAfterSeconds until a refused request would be allowed (0 when allowed)
     */
    record Decision(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {

        static Decision of(ConsumptionProbe probe, long limit) {
            return new Decision(probe.isConsumed(), limit, probe.getRemainingTokens(),
                    ceilSeconds(probe.getNanosToWaitForReset()),
                    probe.isConsumed() ? 0 : Math.max(1, ceilSeconds(probe.getNanosToWaitForRefill())));
        }

        private static long ceilSeconds(long nanos) {
            return (nanos + 999_999_999L) / 1_000_000_000L;
        }
    }
}
