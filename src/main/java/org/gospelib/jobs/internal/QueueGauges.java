package org.gospelib.jobs.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.springframework.stereotype.Component;

/**
 * The queue and the outbox as metrics: jobs per state, the age of the oldest due job,
 * publications incomplete, failed and abandoned. Read from the database at most every ten
 * seconds, however often they are scraped.
 */
@Component
class QueueGauges {

    private static final long MAX_AGE_NANOS = 10_000_000_000L;

    private record Reading(long at, List<QueueStats.KindStats> kinds, OutboxRetries.Counts outbox) {
    }

    private final QueueStats stats;
    private final OutboxRetries outbox;
    private final JobQueue queue;
    private volatile Reading last;

    QueueGauges(QueueStats stats, OutboxRetries outbox, JobQueue queue, MeterRegistry meters) {
        this.stats = stats;
        this.outbox = outbox;
        this.queue = queue;
        jobs(meters, "scheduled", QueueStats.KindStats::scheduled);
        jobs(meters, "due", QueueStats.KindStats::due);
        jobs(meters, "running", QueueStats.KindStats::running);
        jobs(meters, "retrying", QueueStats.KindStats::retrying);
        jobs(meters, "dead", QueueStats.KindStats::dead);
        Gauge.builder("gospelib.jobs.oldest.due", this,
                g -> g.reading().kinds().stream().mapToLong(QueueStats.KindStats::oldestDueSeconds).max().orElse(0))
                .baseUnit("seconds").description("how long the oldest due job has waited to be picked").register(meters);
        Gauge.builder("gospelib.outbox.publications", this, g -> g.reading().outbox().incomplete()).tag("state", "incomplete")
                .description("event publications not yet completed").register(meters);
        Gauge.builder("gospelib.outbox.publications", this, g -> g.reading().outbox().failed()).tag("state", "failed")
                .register(meters);
        Gauge.builder("gospelib.outbox.publications", this, g -> g.reading().outbox().abandoned()).tag("state", "abandoned")
                .register(meters);
    }

    private void jobs(MeterRegistry meters, String state, ToDoubleFunction<QueueStats.KindStats> count) {
        Gauge.builder("gospelib.jobs", this, g -> g.reading().kinds().stream().mapToDouble(count).sum()).tag("state", state)
                .description("jobs in the queue by state (dead: waiting for an operator)").register(meters);
    }

    private Reading reading() {
        Reading reading = last;
        long now = System.nanoTime();
        if (reading == null || now - reading.at() > MAX_AGE_NANOS) {
            try {
                reading = new Reading(now, stats.byKind(queue.kinds()), outbox.counts());
            } catch (RuntimeException e) {
                // the database is away: report what was last seen rather than fail the scrape
                if (reading == null) reading = new Reading(now, List.of(), new OutboxRetries.Counts(0, 0, 0));
            }
            last = reading;
        }
        return reading;
    }
}
