package org.gospelib.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Against the local Redis (127.0.0.1:6379), as the rate limiter and graph cache tests are. */
class SharedRedisClientsTest {

    @Test
    void clientsShareOneSetOfThreadsThatOutlivesEachClientAndEndsWithTheApplication() {
        SharedRedisClients clients = new SharedRedisClients();
        RedisClient first = clients.client("redis://127.0.0.1:6379", Duration.ofSeconds(2));
        RedisClient second = clients.client("redis://127.0.0.1:6379", Duration.ofMillis(250));
        assertThat(first.getResources()).isSameAs(second.getResources());
        try (var connection = first.connect()) {
            assertThat(connection.sync().ping()).isEqualTo("PONG");
        }
        first.shutdown();
        try (var connection = second.connect()) {
            assertThat(connection.sync().ping()).isEqualTo("PONG");
        }
        second.shutdown();
        var resources = first.getResources();
        clients.destroy();
        assertThat(resources.eventExecutorGroup().isShuttingDown()).isTrue();
    }
}
