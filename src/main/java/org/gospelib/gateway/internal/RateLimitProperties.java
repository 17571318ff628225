package org.gospelib.gateway.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Rate limits, bound from {@code gospelib.rate-limit.*}: one token bucket per caller, refilled
 * greedily. Anonymous callers are limited per client address, users per user id by plan.
 *
 * @param enabled   limits on or off
 * @param anonymous per client address, for callers without credentials
 * @param free      per user on the free plan
 * @param plus      per user on the plus plan
 */
@ConfigurationProperties("gospelib.rate-limit")
record RateLimitProperties(Boolean enabled, Limit anonymous, Limit free, Limit plus) {

    RateLimitProperties {
        if (enabled == null) enabled = true;
        if (anonymous == null) anonymous = new Limit(300, Duration.ofMinutes(1));
        if (free == null) free = new Limit(600, Duration.ofMinutes(1));
        if (plus == null) plus = new Limit(3000, Duration.ofMinutes(1));
    }

    /**
     * @param capacity requests allowed in a burst, and per {@code period} on average
     * @param period   time to refill the whole capacity
     */
    record Limit(long capacity, Duration period) {
        Limit {
            if (capacity <= 0) capacity = 300;
            if (period == null || period.isZero() || period.isNegative()) period = Duration.ofMinutes(1);
        }
    }
}
