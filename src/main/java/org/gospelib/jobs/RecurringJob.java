package org.gospelib.jobs;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Work that recurs, declared as a bean: each occurrence runs once across all the processes that
 * execute jobs, whichever of them gets to it first. A failed occurrence is logged and counted; the
 * next occurrence comes as planned.
 *
 * @param name     unique among recurring jobs
 * @param schedule a cron expression (six fields, seconds first) in {@code zone}, or {@code every <ISO duration>}
 */
public record RecurringJob(String name, String schedule, ZoneId zone, Work work) {

    /** The work of one occurrence. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    public RecurringJob {
        new JobKind<>(name, Void.class);
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(work, "work");
    }

    public static RecurringJob every(String name, Duration period, Work work) {
        return new RecurringJob(name, "every " + period, ZoneId.of("UTC"), work);
    }

    public static RecurringJob cron(String name, String cron, ZoneId zone, Work work) {
        return new RecurringJob(name, cron, zone, work);
    }
}
