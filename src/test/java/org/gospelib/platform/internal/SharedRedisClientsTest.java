package org.gospelib.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import java.time.Duration;
import org.gospelib.support.LocalRedis;
import org.junit.jupiter.api.Test;

/** Against a real Redis server ({@link LocalRedis}), as the rate limiter and graph cache tests are. */
class SharedRedisClientsTest {

    @Test
    void clientsShareOneSetOfThreadsThatOutlivesEachClientAndEndsWithTheApplication() {
        SharedRedisClients clients = new SharedRedisClients();
        RedisClient first = clients.client(LocalRedis.url(), Duration.ofSeconds(2));
        RedisClient second = clients.client(LocalRedis.url(), Duration.ofMillis(250));
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
