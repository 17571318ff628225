package org.gospelib.gateway.internal;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.bucket4j.redis.lettuce.cas.LettuceBasedProxyManager;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buckets in Redis, shared by every replica (Bucket4j's compare-and-swap over Lettuce). A bucket
 * expires once it would be full again, so Redis holds only active callers. If Redis cannot be
 * reached the request is judged by a local bucket instead: limits loosen to per-replica for the
 * outage rather than the API going down with Redis.
 */
final class RedisRateLimiter implements RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RedisRateLimiter.class);
    private static final String PREFIX = "gospelib:rate:";

    private final RedisClient client;
    private final StatefulRedisConnection<String, byte[]> connection;
    private final LettuceBasedProxyManager<String> buckets;
    private final LocalRateLimiter fallback = new LocalRateLimiter();
    private final ConcurrentHashMap<String, Bucket> proxies = new ConcurrentHashMap<>();

    /** On a client of its own (tests). */
    RedisRateLimiter(String url) {
        this(RedisClient.create(timingOut(url)));
    }

    /** On a client made by the caller, shut down with this limiter. */
    RedisRateLimiter(RedisClient client) {
        this.client = client;
        connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        buckets = Bucket4jLettuce.casBasedBuilder(connection)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build();
    }

    static final Duration TIMEOUT = Duration.ofSeconds(2);

    private static RedisURI timingOut(String url) {
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(TIMEOUT);
        return uri;
    }

    @Override
    public Decision tryConsume(String key, Tier tier) {
        try {
            String redisKey = PREFIX + tier.name() + ":" + key;
            // Batching: concurrent requests of this process for one bucket travel to Redis as one
            // compare-and-swap instead of racing each other's, which a hot bucket otherwise makes
            // retry over and over. The proxy carries the batch, so it is kept per bucket.
            Bucket bucket = proxies.computeIfAbsent(redisKey, k -> buckets.builder()
                    .withOptimization(Optimizations.batching()).build(k, tier::bucket));
            var probe = bucket.tryConsumeAndReturnRemaining(1);
            return Decision.of(probe, tier.limit().capacity());
        } catch (RuntimeException e) {
            log.warn("Redis rate limiter unavailable, limiting this request locally: {}", e.toString());
            return fallback.tryConsume(key, tier);
        }
    }

    /** Removes a bucket; for tests and operators. */
    void reset(String key, Tier tier) {
        String redisKey = PREFIX + tier.name() + ":" + key;
        proxies.remove(redisKey);
        buckets.removeProxy(redisKey);
    }

    /** Forgets the local proxies (they hold no state between batches); Redis keeps the buckets. */
    void evictProxies() {
        proxies.clear();
    }

    LocalRateLimiter fallback() {
        return fallback;
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
