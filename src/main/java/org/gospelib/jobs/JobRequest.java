package org.gospelib.jobs;

import java.time.Instant;
import java.util.Objects;

/**
 * A job to run: its kind, its key (one job per kind and key waits at a time), its payload, when
 * to run it and how urgently.
 */
public record JobRequest<P>(JobKind<P> kind, String key, P payload, Instant runAt, JobPriority priority) {

    public JobRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(runAt, "runAt");
        Objects.requireNonNull(priority, "priority");
        JobKeys.check(key);
    }

    /** A job to run now, at normal priority. */
    public static <P> JobRequest<P> of(JobKind<P> kind, String key, P payload) {
        return new JobRequest<>(kind, key, payload, Instant.EPOCH, JobPriority.NORMAL);
    }

    public JobRequest<P> at(Instant when) {
        return new JobRequest<>(kind, key, payload, when, priority);
    }

    public JobRequest<P> withPriority(JobPriority newPriority) {
        return new JobRequest<>(kind, key, payload, runAt, newPriority);
    }
}
