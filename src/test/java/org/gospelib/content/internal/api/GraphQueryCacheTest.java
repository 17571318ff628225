package org.gospelib.content.internal.api;

import org.springframework.util.unit.DataSize;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.gospelib.support.LocalRedis;
import org.junit.jupiter.api.Test;

/** Both caches, the Redis one against a real Redis server ({@link LocalRedis}; the test fails without it). */
class GraphQueryCacheTest {

    static final String REDIS = LocalRedis.url();

    @Test
    void localCacheReturnsWhatWasPutAndEvictsBeyondItsBytes() {
        LocalGraphQueryCache cache = new LocalGraphQueryCache(10_000, Duration.ofMinutes(1));
        cache.put("v1|a", "answer".getBytes(StandardCharsets.UTF_8));
        assertThat(cache.get("v1|a")).hasValueSatisfying(b -> assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("answer"));
        assertThat(cache.get("v2|a")).isEmpty();
        for (int i = 0; i < 100; i++) cache.put("big" + i, new byte[1_000]);
        long held = 0;
        for (int i = 0; i < 100; i++) held += cache.get("big" + i).map(b -> b.length).orElse(0);
        assertThat(held).isLessThanOrEqualTo(10_000);
    }

    @Test
    void redisCacheSharesAnswersBetweenInstancesAndLetsThemExpire() throws Exception {
        String key = "v1|test|" + UUID.randomUUID();
        byte[] answer = "{\"nodes\":[]}".getBytes(StandardCharsets.UTF_8);
        try (RedisGraphQueryCache writer = new RedisGraphQueryCache(REDIS, Duration.ofSeconds(30), Duration.ofSeconds(1));
                RedisGraphQueryCache reader = new RedisGraphQueryCache(REDIS, Duration.ofSeconds(30), Duration.ofSeconds(1))) {
            assertThat(reader.get(key)).isEmpty();
            writer.put(key, answer);
            Optional<byte[]> read = Optional.empty();
            for (int i = 0; i < 50 && read.isEmpty(); i++) {
                read = reader.get(key);
                if (read.isEmpty()) Thread.sleep(20);
            }
            assertThat(read).hasValueSatisfying(b -> assertThat(b).isEqualTo(answer));
        }
        RedisClient client = RedisClient.create(REDIS);
        try (StatefulRedisConnection<String, String> redis = client.connect()) {
            long ttl = redis.sync().ttl(RedisGraphQueryCache.PREFIX + key);
            assertThat(ttl).isBetween(1L, 30L);
            redis.sync().del(RedisGraphQueryCache.PREFIX + key);
        } finally {
            client.shutdown();
        }
    }

    @Test
    void anUnreachableRedisCostsTheLookupNotTheRequest() {
        try (RedisGraphQueryCache cache = new RedisGraphQueryCache("redis://127.0.0.1:1", Duration.ofSeconds(30),
                Duration.ofMillis(200))) {
            cache.put("v1|x", new byte[] {1});
            assertThat(cache.get("v1|x")).isEmpty();
            assertThat(cache.get("v1|x")).isEmpty();
        }
    }

    @Test
    void configurationNamesTheCacheOrRefusesToStart() {
        GraphCacheConfiguration configuration = new GraphCacheConfiguration();
        Duration ttl = Duration.ofMinutes(1);
        org.gospelib.platform.RedisClients clients = (url, timeout) -> io.lettuce.core.RedisClient.create(url);
        DataSize on = DataSize.ofMegabytes(48);
        assertThat(configuration.graphQueryCache("local", on, redisAt(""), clients, ttl, 1_000).name()).isEqualTo("local");
        assertThat(configuration.graphQueryCache("none", on, redisAt(""), clients, ttl, 1_000).get("anything")).isEmpty();
        // by default, one process keeps graph answers once: in the answer cache when it is on, here when it is off
        assertThat(configuration.graphQueryCache("auto", on, redisAt(""), clients, ttl, 1_000).name()).isEqualTo("none");
        assertThat(configuration.graphQueryCache("auto", DataSize.ofBytes(0), redisAt(""), clients, ttl, 1_000).name())
                .isEqualTo("local");
        assertThatThrownBy(() -> configuration.graphQueryCache("redis", on, redisAt(" "), clients, ttl, 1_000))
                .hasMessageContaining("gospelib.redis.url");
        assertThatThrownBy(() -> configuration.graphQueryCache("memcached", on, redisAt(""), clients, ttl, 1_000))
                .hasMessageContaining("local, redis or none");
        GraphQueryCache redis = configuration.graphQueryCache("redis", on, redisAt(REDIS), clients, ttl, 1_000);
        assertThat(redis.name()).isEqualTo("redis");
        ((RedisGraphQueryCache) redis).close();
    }

    private static org.gospelib.platform.GospelibProperties redisAt(String url) {
        return new org.gospelib.platform.GospelibProperties(null, null, new org.gospelib.platform.GospelibProperties.Redis(url));
    }
}
