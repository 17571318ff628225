package org.gospelib.gateway.internal;

import io.github.bucket4j.Bucket;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Buckets in this process's memory: right for one process, or for replicas that may each allow
 * the limit. Buckets that have refilled completely hold no information, so they are dropped
 * periodically and the map stays as small as the set of recently active callers.
 */
final class LocalRateLimiter implements RateLimiter {

    private final ConcurrentHashMap<String, Entry> buckets = new ConcurrentHashMap<>();

    private record Entry(Bucket bucket, long capacity) {
    }

    @Override
    public Decision tryConsume(String key, Tier tier) {
        Entry entry = buckets.computeIfAbsent(tier.name() + ":" + key, k -> new Entry(
                Bucket.builder().addLimit(tier.bucket().getBandwidths()[0]).build(), tier.limit().capacity()));
        return Decision.of(entry.bucket().tryConsumeAndReturnRemaining(1), entry.capacity());
    }

    /** Forgets buckets that are full again. */
    void evictFull() {
        buckets.entrySet().removeIf(e -> e.getValue().bucket().getAvailableTokens() >= e.getValue().capacity());
    }

    int size() {
        return buckets.size();
    }
}
