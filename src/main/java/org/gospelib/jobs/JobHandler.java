package org.gospelib.jobs;

/**
 * Runs the jobs of one kind. A job may run more than once (a process can stop after the work and
 * before the queue hears of it), so a handler is idempotent: running a job twice leaves the same
 * state as running it once. Throwing fails the attempt; it is retried per {@link #retryPolicy()}.
 */
public interface JobHandler<P> {

    JobKind<P> kind();

    void handle(P payload, JobContext context) throws Exception;

    default RetryPolicy retryPolicy() {
        return RetryPolicy.DEFAULT;
    }

    default JobPriority defaultPriority() {
        return JobPriority.NORMAL;
    }
}
