package org.gospelib.jobs;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A job that runs every day at a local time in a time zone of its own (a reader's reminder at
 * 07:30 in Madrid), through daylight-saving changes: on the day the clocks go forward a time that
 * does not exist runs at the first moment after the gap; on the day they go back, at its first
 * occurrence.
 */
public record DailyJob<P>(JobKind<P> kind, String key, P payload, LocalTime at, ZoneId zone) {

    public DailyJob {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(zone, "zone");
        JobKeys.check(key);
    }
}
