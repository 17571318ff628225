package org.gospelib.jobs.internal;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;
import org.gospelib.jobs.RetryLater;
import org.gospelib.jobs.RetryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens when a run fails: another run after the policy's backoff, or, when the attempts
 * have run out, the job is copied to the dead jobs and only then removed from the queue (a stop
 * in between leaves it in the queue, where it is run again and buried again: nothing is lost).
 */
final class RetryThenBury<T> implements FailureHandler<T> {

    private static final Logger log = LoggerFactory.getLogger(RetryThenBury.class);

    private final String kind;
    private final RetryPolicy policy;
    private final DeadJobs dead;
    private final JsonTaskData json;
    private final MeterRegistry meters;
    private final Clock clock;
    private final RandomGenerator random;

    RetryThenBury(String kind, RetryPolicy policy, DeadJobs dead, JsonTaskData json, MeterRegistry meters, Clock clock,
            RandomGenerator random) {
        this.kind = kind;
        this.policy = policy;
        this.dead = dead;
        this.json = json;
        this.meters = meters;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public void onFailure(ExecutionComplete complete, ExecutionOperations<T> operations) {
        var execution = complete.getExecution();
        int failures = execution.consecutiveFailures + 1;
        String key = execution.taskInstance.getId();
        String error = complete.getCause().map(RetryThenBury::describe).orElse("failed");
        if (policy.exhausted(failures)) {
            dead.bury(kind, key, json.serialize(execution.taskInstance.getData()), execution.taskInstance.getPriority(),
                    failures, error, Instant.now(clock));
            operations.remove();
            meters.counter("gospelib.jobs.dead", "kind", kind).increment();
            log.error("job {} {} is dead after {} attempts: {}", kind, key, failures, error);
            return;
        }
        Duration delay = policy.delayAfter(failures, random);
        if (complete.getCause().orElse(null) instanceof RetryLater later && later.after().compareTo(delay) > 0) {
            delay = later.after();
        }
        Instant next = Instant.now(clock).plus(delay);
        operations.reschedule(complete, next);
        meters.counter("gospelib.jobs.retries", "kind", kind).increment();
        log.warn("job {} {} failed (attempt {} of {}), next attempt at {}: {}", kind, key, failures,
                policy.maxAttempts(), next, error);
    }

    /** The failure's innermost cause, which says what went wrong (the outer ones say where it was caught). */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String text = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        return text.length() > 2_000 ? text.substring(0, 2_000) : text;
    }
}
