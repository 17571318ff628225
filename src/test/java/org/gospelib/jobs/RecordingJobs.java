package org.gospelib.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;

/**
 * A job kind for the tests (found by the application's component scan in the test class path):
 * records every run, and fails a job as many times as its payload says, unless its key has been
 * healed.
 */
@Component
public class RecordingJobs implements JobHandler<RecordingJobs.Payload> {

    public record Payload(String note, int failures) {
    }

    public record Run(String key, int attempt, Instant at, String note) {
    }

    public static final JobKind<Payload> KIND = new JobKind<>("test.recording", Payload.class);

    final Map<String, List<Run>> runs = new ConcurrentHashMap<>();
    final Set<String> healed = ConcurrentHashMap.newKeySet();

    @Override
    public JobKind<Payload> kind() {
        return KIND;
    }

    @Override
    public void handle(Payload payload, JobContext context) {
        runs.computeIfAbsent(context.key(), k -> new CopyOnWriteArrayList<>())
                .add(new Run(context.key(), context.attempt(), Instant.now(), payload.note()));
        context.progress(1, 2, "half way");
        if (!healed.contains(context.key()) && context.attempt() <= payload.failures()) {
            throw new IllegalStateException("planned failure " + context.attempt() + " of " + context.key());
        }
    }

    @Override
    public RetryPolicy retryPolicy() {
        return new RetryPolicy(3, Duration.ofMillis(200), Duration.ofMillis(800));
    }

    List<Run> runsOf(String key) {
        return runs.getOrDefault(key, List.of());
    }
}
