/**
 * Jobs: work done outside the request that asked for it, durably, at least once. A job has a
 * {@link org.gospelib.jobs.JobKind kind} (which {@link org.gospelib.jobs.JobHandler handler} runs
 * it) and a key (one job per kind and key is queued at a time, so enqueueing twice is harmless),
 * a payload, a priority and a time to run. A failed job is retried with exponential backoff and
 * jitter until its kind's attempts run out; then it is dead until an operator retries it.
 * Recurring work runs once per occurrence across every process ({@link org.gospelib.jobs.RecurringJob}),
 * and a job can recur daily at a local time in its own time zone ({@link org.gospelib.jobs.DailyJob}).
 * The queue lives in PostgreSQL (db-scheduler); any process can enqueue, and the processes that
 * execute jobs are the collapsed one and the workers ({@code ./gospelib worker}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Jobs")
package org.gospelib.jobs;
