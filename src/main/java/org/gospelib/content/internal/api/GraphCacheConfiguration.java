package org.gospelib.content.internal.api;

import java.time.Duration;
import java.util.Optional;
import org.gospelib.platform.GospelibProperties;
import org.gospelib.platform.RedisClients;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the graph query cache: {@code redis} (shared by replicas; needs {@code gospelib.redis.url}),
 * {@code local} (one process) or {@code none}. By default ({@code auto}) a process keeps none
 * when its answer cache is on, since that already keeps each graph answer whole, and a local one
 * when it is off, so an answer is never held twice in one process.
 */
@Configuration(proxyBeanMethods = false)
class GraphCacheConfiguration {

    @Bean
    GraphQueryCache graphQueryCache(@Value("${gospelib.graph.cache:auto}") String configured,
            @Value("${gospelib.answer-cache.max-size:48MB}") org.springframework.util.unit.DataSize answerCache,
            GospelibProperties properties, RedisClients redisClients,
            @Value("${gospelib.graph.cache-ttl:1h}") Duration ttl,
            @Value("${gospelib.graph.cache-max-bytes:16777216}") long maxBytes) {
        String kind = configured.equals("auto") ? (answerCache.toBytes() > 0 ? "none" : "local") : configured;
        return switch (kind) {
            case "local" -> new LocalGraphQueryCache(maxBytes, ttl);
            case "redis" -> {
                String url = properties.redis().sharedUrl().orElseThrow(() -> new IllegalStateException(
                        "gospelib.graph.cache=redis needs gospelib.redis.url (redis://host:6379)"));
                yield new RedisGraphQueryCache(redisClients.client(url, Duration.ofMillis(250)), ttl);
            }
            case "none" -> new GraphQueryCache() {
                @Override
                public Optional<byte[]> get(String key) {
                    return Optional.empty();
                }

                @Override
                public void put(String key, byte[] answer) {
                }

                @Override
                public String name() {
                    return "none";
                }
            };
            default -> throw new IllegalStateException("gospelib.graph.cache must be auto, local, redis or none, not '" + kind + "'");
        };
    }
}
