package org.gospelib.jobs;

import java.util.List;

/** Enqueues jobs; every process can, whether or not it executes them. */
public interface Jobs {

    /**
     * Queues a job unless one of its kind and key is already waiting, running or being retried.
     *
     * @return true if it was queued, false if one was there already
     */
    <P> boolean enqueue(JobRequest<P> request);

    /** Queues many new jobs in one round trip; their keys must not be queued already. */
    void enqueueAll(List<? extends JobRequest<?>> requests);

    /** Runs the job every day at its local time, replacing an earlier schedule of its kind and key. */
    <P> void scheduleDaily(DailyJob<P> job);

    /** Removes a waiting job or a daily schedule; true if there was one. */
    boolean cancel(JobKind<?> kind, String key);

    /** Whether a job of this kind and key is waiting, running or being retried. */
    boolean queued(JobKind<?> kind, String key);
}
