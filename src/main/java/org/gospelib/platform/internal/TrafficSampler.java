package org.gospelib.platform.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import java.lang.management.ManagementFactory;
import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gospelib.platform.HostedServices;
import org.gospelib.platform.Service;
import org.gospelib.platform.TrafficHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts this process's requests and job runs every minute, from the timers it keeps anyway
 * ({@code http.server.requests}, {@code gospelib.jobs.runs}), and adds them to the hour's row of
 * {@code traffic_hour} (the console charts hours; a row a minute would be 60 times the rows for
 * nothing). Timers count since the process started, so each minute adds the difference from the
 * last; a restart loses at most the minute it was in. A gateway of a split
 * deployment counts no requests: each one it passes on is counted by the service that answers it
 * (with the route's own pattern, which the gateway does not know). Calls between services
 * ({@code /internal}) are not readers' requests and are not counted.
 */
@Component
class TrafficSampler implements TrafficHistory {

    private static final Logger log = LoggerFactory.getLogger(TrafficSampler.class);
    static final Duration KEPT = Duration.ofDays(8);
    private static final int SLOTS = BUCKET_MILLIS.size() + 1;

    /** A route's counts at one moment: cumulative since start. */
    record Counts(long requests, long errors, long[] buckets) {
        Counts plus(Counts other) {
            long[] sum = new long[SLOTS];
            for (int i = 0; i < SLOTS; i++) sum[i] = buckets[i] + other.buckets[i];
            return new Counts(requests + other.requests, errors + other.errors, sum);
        }

        Counts minus(Counts earlier) {
            long[] diff = new long[SLOTS];
            for (int i = 0; i < SLOTS; i++) diff[i] = Math.max(0, buckets[i] - earlier.buckets[i]);
            return new Counts(Math.max(0, requests - earlier.requests), Math.max(0, errors - earlier.errors), diff);
        }
    }

    private final MeterRegistry meters;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final String process = ManagementFactory.getRuntimeMXBean().getName();
    private Map<String, Counts> last = Map.of();

    private final boolean countsRequests;

    TrafficSampler(MeterRegistry meters, JdbcTemplate jdbc, Clock clock, HostedServices hosted) {
        this.countsRequests = hosted.collapsed() || !hosted.hosts(Service.GATEWAY);
        this.meters = meters;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1M")
    synchronized void sample() {
        try {
            record(clock.instant());
        } catch (RuntimeException e) {
            // the next minute tries again, with the counts since the last sample that was stored
            log.warn("traffic sample not stored: {}", e.toString());
        }
    }

    synchronized void record(Instant at) {
        Instant hour = at.truncatedTo(ChronoUnit.HOURS);
        Map<String, Counts> now = counts();
        Map<String, Counts> before = last;
        List<Object[]> rows = new ArrayList<>();
        now.forEach((route, counts) -> {
            Counts delta = counts.minus(before.getOrDefault(route, new Counts(0, 0, new long[SLOTS])));
            if (delta.requests() > 0) rows.add(new Object[] {Timestamp.from(hour), process, route, delta.requests(), delta.errors(), delta.buckets()});
        });
        jdbc.batchUpdate("""
                insert into traffic_hour (hour, process, route, requests, errors, buckets) values (?, ?, ?, ?, ?, ?)
                on conflict (hour, process, route) do update set requests = traffic_hour.requests + excluded.requests,
                errors = traffic_hour.errors + excluded.errors,
                buckets = array(select a + b from unnest(traffic_hour.buckets, excluded.buckets) as t(a, b))""",
                rows, rows.size(), (ps, row) -> {
                    ps.setTimestamp(1, (Timestamp) row[0]);
                    ps.setString(2, (String) row[1]);
                    ps.setString(3, (String) row[2]);
                    ps.setLong(4, (Long) row[3]);
                    ps.setLong(5, (Long) row[4]);
                    long[] b = (long[]) row[5];
                    Long[] boxed = new Long[b.length];
                    for (int i = 0; i < b.length; i++) boxed[i] = b[i];
                    Array array = ps.getConnection().createArrayOf("bigint", boxed);
                    ps.setArray(6, array);
                });
        jdbc.update("delete from traffic_hour where hour < ?", Timestamp.from(hour.minus(KEPT)));
        last = now;
    }

    /** Every route's and job kind's counts since this process started. */
    Map<String, Counts> counts() {
        Map<String, Counts> counts = new HashMap<>();
        for (Timer timer : countsRequests ? meters.find("http.server.requests").timers() : List.<Timer>of()) {
            String uri = tag(timer, "uri");
            if (uri.startsWith("/actuator") || uri.startsWith("/internal") || uri.equals("/livez") || uri.equals("/readyz")) continue;
            boolean error = tag(timer, "status").startsWith("5");
            long n = timer.count();
            counts.merge(tag(timer, "method") + " " + uri, new Counts(n, error ? n : 0, buckets(timer.takeSnapshot(), n)), Counts::plus);
        }
        for (Timer timer : meters.find("gospelib.jobs.runs").timers()) {
            boolean failed = !tag(timer, "outcome").equals("success");
            long n = timer.count();
            counts.merge("job " + tag(timer, "kind"), new Counts(n, failed ? n : 0, new long[SLOTS]), Counts::plus);
        }
        return counts;
    }

    /** The SLO buckets' counts as slots: each slot the requests above the previous bound and within its own. */
    static long[] buckets(HistogramSnapshot snapshot, long count) {
        long[] slots = new long[SLOTS];
        CountAtBucket[] cumulative = snapshot.histogramCounts();
        if (cumulative.length != BUCKET_MILLIS.size()) return slots;
        long below = 0;
        for (int i = 0; i < cumulative.length; i++) {
            long within = (long) cumulative[i].count();
            slots[i] = Math.max(0, within - below);
            below = within;
        }
        slots[SLOTS - 1] = Math.max(0, count - below);
        return slots;
    }

    private static String tag(Timer timer, String key) {
        return Optional.ofNullable(timer.getId().getTag(key)).orElse("");
    }

    @Override
    public List<Period> routes(Instant since, int limit) {
        return jdbc.query("""
                select route, sum(requests), sum(errors), array_agg(buckets) from traffic_hour where hour >= ?
                group by route order by sum(requests) desc, route limit ?""",
                (rs, n) -> new Period(since, rs.getString(1), rs.getLong(2), rs.getLong(3), p99(summed(rs.getArray(4)))),
                Timestamp.from(since), limit);
    }

    @Override
    public List<Period> periods(Instant since, Duration period) {
        long seconds = Math.max(3600, period.toSeconds());
        return jdbc.query("""
                select to_timestamp(floor(extract(epoch from hour) / ?) * ?) as start,
                       case when route like 'job %' then route else '*' end as series,
                       sum(requests), sum(errors), array_agg(buckets)
                from traffic_hour where hour >= ? group by 1, 2 order by 1, 2""",
                (rs, n) -> new Period(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getString(2).equals("*") ? p99(summed(rs.getArray(5))) : Optional.empty()),
                seconds, seconds, Timestamp.from(since));
    }

    /** The buckets of several rows added slot by slot (array_agg of arrays is one two-dimensional array). */
    private static long[] summed(Array array) throws java.sql.SQLException {
        long[] sum = new long[SLOTS];
        Object value = array.getArray();
        if (value instanceof Object[] outer) {
            for (Object row : outer) {
                if (!(row instanceof Object[] inner)) continue;
                for (int i = 0; i < Math.min(SLOTS, inner.length); i++) sum[i] += inner[i] == null ? 0 : ((Number) inner[i]).longValue();
            }
        }
        return sum;
    }

    /** The upper bound of the bucket holding the 99th percentile; absent without requests or beyond the last bound. */
    static Optional<Long> p99(long[] slots) {
        long total = 0;
        for (long n : slots) total += n;
        if (total == 0) return Optional.empty();
        long wanted = (long) Math.ceil(total * 0.99);
        long seen = 0;
        for (int i = 0; i < BUCKET_MILLIS.size(); i++) {
            seen += slots[i];
            if (seen >= wanted) return Optional.of(BUCKET_MILLIS.get(i));
        }
        return Optional.empty();
    }
}
