package org.gospelib.content.internal.api;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The graph query cache shared by every replica, in Redis: an exploration computed by one
 * replica is an answer for all. Each answer expires; keys are prefixed and versioned. Redis
 * being slow or away costs a request its cache lookup (bounded by the command timeout), never
 * the request itself, and never the start of the application: the connection is opened on first
 * use and retried at most every few seconds.
 */
final class RedisGraphQueryCache implements GraphQueryCache, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisGraphQueryCache.class);
    static final String PREFIX = "gospelib:graph:";
    private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(5);

    private final RedisClient client;
    private final Duration ttl;
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - Duration.ofHours(1).toNanos());
    private final ReentrantLock connecting = new ReentrantLock();
    private volatile StatefulRedisConnection<String, byte[]> connection;
    private volatile long nextAttempt;

    /** On a client of its own (tests). */
    RedisGraphQueryCache(String url, Duration ttl, Duration timeout) {
        this(RedisClient.create(timingOut(url, timeout)), ttl);
    }

    /** On a client made by the caller, shut down with this cache. */
    RedisGraphQueryCache(RedisClient client, Duration ttl) {
        this.client = client;
        this.ttl = ttl;
    }

    private static RedisURI timingOut(String url, Duration timeout) {
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(timeout);
        return uri;
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            StatefulRedisConnection<String, byte[]> redis = connection();
            return redis == null ? Optional.empty() : Optional.ofNullable(redis.sync().get(PREFIX + key));
        } catch (RuntimeException e) {
            warn("read", e);
            return Optional.empty();
        }
    }

    @Override
    public void put(String key, byte[] answer) {
        try {
            StatefulRedisConnection<String, byte[]> redis = connection();
            if (redis != null) redis.async().set(PREFIX + key, answer, SetArgs.Builder.ex(ttl));
        } catch (RuntimeException e) {
            warn("write", e);
        }
    }

    private StatefulRedisConnection<String, byte[]> connection() {
        StatefulRedisConnection<String, byte[]> open = connection;
        if (open != null || System.nanoTime() < nextAttempt || !connecting.tryLock()) return open;
        try {
            if (connection == null) {
                nextAttempt = System.nanoTime() + RECONNECT_PAUSE.toNanos();
                connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
            }
            return connection;
        } catch (RuntimeException e) {
            warn("connect", e);
            return null;
        } finally {
            connecting.unlock();
        }
    }

    @Override
    public String name() {
        return "redis";
    }

    /** At most one warning a minute: an unreachable Redis must not flood the log. */
    private void warn(String what, RuntimeException e) {
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last > Duration.ofMinutes(1).toNanos() && lastWarning.compareAndSet(last, now)) {
            log.warn("graph cache: Redis {} failed; answering without the cache: {}", what, e.toString());
        }
    }

    @Override
    public void close() {
        StatefulRedisConnection<String, byte[]> open = connection;
        if (open != null) open.close();
        client.shutdown();
    }
}
