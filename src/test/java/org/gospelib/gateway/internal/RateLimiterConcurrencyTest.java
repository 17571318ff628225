package org.gospelib.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.gospelib.support.LocalRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Both bucket stores under concurrent load: however many requests race, no more than the limit
 * pass. The Redis store runs against a real Redis server ({@link LocalRedis});
 * if none can be started the test fails rather than skips, so CI cannot quietly stop testing it.
 */
class RateLimiterConcurrencyTest {

    static final String REDIS_URL = LocalRedis.url();
    static final RateLimiter.Tier TIER = new RateLimiter.Tier("test", new RateLimitProperties.Limit(100, Duration.ofHours(1)));

    static RedisRateLimiter redis;

    @BeforeAll
    static void connect() {
        try (RedisClient probe = RedisClient.create(REDIS_URL); var connection = probe.connect()) {
            assertThat(connection.sync().ping()).isEqualTo("PONG");
        }
        redis = new RedisRateLimiter(REDIS_URL);
    }

    @AfterAll
    static void disconnect() {
        if (redis != null) redis.close();
    }

    @Test
    void inMemoryLetsExactlyTheLimitThrough() throws Exception {
        assertExactlyTheLimitPasses(new LocalRateLimiter(), "mem-" + UUID.randomUUID());
    }

    @Test
    void redisLetsExactlyTheLimitThrough() throws Exception {
        String key = "test-" + UUID.randomUUID();
        try {
            assertExactlyTheLimitPasses(redis, key);
            assertThat(redis.fallback().size()).as("every decision came from Redis, none from the fallback").isZero();
        } finally {
            redis.reset(key, TIER);
        }
    }

    @Test
    void twoReplicasShareOneRedisBucket() throws Exception {
        String key = "shared-" + UUID.randomUUID();
        try (RedisRateLimiter second = new RedisRateLimiter(REDIS_URL)) {
            AtomicInteger passed = new AtomicInteger();
            race(400, i -> {
                if ((i % 2 == 0 ? redis : second).tryConsume(key, TIER).allowed()) passed.incrementAndGet();
            });
            assertThat(passed.get()).isEqualTo(100);
        } finally {
            redis.reset(key, TIER);
        }
    }

    @Test
    void headersValuesDescribeTheBucket() {
        LocalRateLimiter limiter = new LocalRateLimiter();
        RateLimiter.Tier small = new RateLimiter.Tier("small", new RateLimitProperties.Limit(2, Duration.ofMinutes(1)));
        RateLimiter.Decision first = limiter.tryConsume("k", small);
        assertThat(first).extracting(RateLimiter.Decision::allowed, RateLimiter.Decision::limit, RateLimiter.Decision::remaining)
                .containsExactly(true, 2L, 1L);
        assertThat(first.resetSeconds()).isBetween(1L, 60L);
        limiter.tryConsume("k", small);
        RateLimiter.Decision refused = limiter.tryConsume("k", small);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.retryAfterSeconds()).isBetween(1L, 30L);
    }

    private static void assertExactlyTheLimitPasses(RateLimiter limiter, String key) throws Exception {
        AtomicInteger passed = new AtomicInteger();
        race(400, i -> {
            if (limiter.tryConsume(key, TIER).allowed()) passed.incrementAndGet();
        });
        assertThat(passed.get()).isEqualTo(100);
    }

    interface Attempt {
        void run(int i) throws Exception;
    }

    /** Runs the attempts on 32 platform threads released at once. */
    private static void race(int attempts, Attempt attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    attempt.run(n);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) f.get();
        } finally {
            pool.shutdownNow();
        }
    }
}
