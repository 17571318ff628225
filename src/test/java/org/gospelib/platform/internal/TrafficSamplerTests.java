package org.gospelib.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.gospelib.platform.TrafficHistory;
import org.gospelib.support.Readers;
import org.gospelib.support.RunningApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** The console's charts counted from the application's own timers, summed over processes. */
class TrafficSamplerTests extends RunningApplication {

    @Autowired
    TrafficSampler sampler;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void eachMinuteAddsTheRequestsSinceTheLastAndTheConsoleSumsThemPerRouteAndHour() {
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        sampler.record(minute.minus(Duration.ofMinutes(1)));
        long before = requests("GET /v1/verses");
        for (int i = 0; i < 7; i++) assertThat(http.get("/v1/verses/Ruth.1." + (i + 1)).status()).isEqualTo(200);
        for (int i = 0; i < 3; i++) http.get("/v1/verses/Nowhere.1.1");
        sampler.record(minute);
        long after = requests("GET /v1/verses");
        // the other tests of this JVM may ask for passages too, never fewer than these ten
        assertThat(after - before).isGreaterThanOrEqualTo(10);
        // a sample with nothing new stores nothing new
        sampler.record(minute);
        assertThat(requests("GET /v1/verses")).isLessThanOrEqualTo(after + 5);

        // another process's hour adds to this one's, its buckets too
        long[] slow = new long[TrafficHistory.BUCKET_MILLIS.size() + 1];
        slow[6] = 1_000_000; // a million requests in (1 s, 2.5 s]: more than 1 % of any hour of the tests
        jdbc.update("insert into traffic_hour (hour, process, route, requests, errors, buckets) values (?, ?, ?, ?, ?, ?)",
                Timestamp.from(minute.truncatedTo(ChronoUnit.HOURS)), "other-process", "GET /v1/slow", 1_000_000, 4, boxed(slow));
        TrafficHistory.Period route = sampler.routes(minute.minus(Duration.ofHours(1)), 100).stream()
                .filter(p -> p.route().equals("GET /v1/slow")).findFirst().orElseThrow();
        assertThat(route.requests()).isEqualTo(1_000_000);
        assertThat(route.errors()).isEqualTo(4);
        assertThat(route.p99Millis()).contains(2500L);
        List<TrafficHistory.Period> hours = sampler.periods(minute.minus(Duration.ofHours(1)), Duration.ofHours(1));
        TrafficHistory.Period all = hours.stream().filter(p -> p.route().equals("*")).reduce((a, b) -> b).orElseThrow();
        assertThat(all.requests()).isGreaterThanOrEqualTo(1_000_010);
        // with nearly all of the hour's requests above a second, its 99th percentile is in their bucket
        assertThat(all.p99Millis()).contains(2500L);

        // and the console answers the same
        String admin = Readers.admin(http);
        JsonNode traffic = http.get("/v1/admin/traffic?hours=2", "Authorization", admin).json();
        assertThat(traffic.get("routes").toString()).contains("GET /v1/slow");
        assertThat(traffic.get("bucketMillis")).hasSize(8);
        for (String bad : List.of("0", "169", "x")) {
            assertThat(http.get("/v1/admin/traffic?hours=" + bad, "Authorization", admin).status()).isEqualTo(400);
        }
        jdbc.update("delete from traffic_hour where process = 'other-process'");
    }

    @Test
    void theNinetyNinthPercentileIsTheBucketThatHoldsIt() {
        long[] slots = new long[9];
        assertThat(TrafficSampler.p99(slots)).isEmpty();
        slots[0] = 99;
        slots[3] = 1;
        assertThat(TrafficSampler.p99(slots)).contains(25L);
        slots[3] = 2;
        assertThat(TrafficSampler.p99(slots)).contains(250L);
        slots[8] = 100;
        assertThat(TrafficSampler.p99(slots)).isEqualTo(Optional.empty());
    }

    private long requests(String route) {
        return sampler.routes(Instant.now().minus(Duration.ofHours(1)), 500).stream().filter(p -> p.route().startsWith(route))
                .mapToLong(TrafficHistory.Period::requests).sum();
    }

    private java.sql.Array boxed(long[] values) {
        return jdbc.execute((java.sql.Connection c) -> {
            Long[] boxed = new Long[values.length];
            for (int i = 0; i < values.length; i++) boxed[i] = values[i];
            return c.createArrayOf("bigint", boxed);
        });
    }
}
