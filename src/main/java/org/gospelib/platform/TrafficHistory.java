package org.gospelib.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Requests and job runs counted by every process from its own metrics, per hour, summed over
 * the processes: what the operators' console charts.
 */
public interface TrafficHistory {

    /** The latency SLO buckets' upper bounds, in milliseconds; the last bucket is unbounded. */
    List<Long> BUCKET_MILLIS = List.of(25L, 50L, 100L, 250L, 500L, 1000L, 2500L, 5000L);

    /**
     * One period of one route (or of all routes, {@code *}).
     *
     * @param p99Millis the upper bound of the SLO bucket that holds the 99th percentile; absent
     *                  without requests, or above the last bound, or for job runs (which have no buckets)
     */
    record Period(Instant start, String route, long requests, long errors, Optional<Long> p99Millis) {
    }

    /** Every route's totals over the window, busiest first. */
    List<Period> routes(Instant since, int limit);

    /** The window cut into periods of whole hours, for every route together ({@code *}) and for each job kind. */
    List<Period> periods(Instant since, Duration period);
}
