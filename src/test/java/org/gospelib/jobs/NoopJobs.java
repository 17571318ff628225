package org.gospelib.jobs;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Jobs that do nothing, for measuring the queue itself ({@code ./gospelib bench jobs}). */
@Component
@ConditionalOnProperty(name = "gospelib.bench.noop-jobs", havingValue = "true")
public class NoopJobs implements JobHandler<NoopJobs.Payload> {

    public record Payload(int n) {
    }

    public static final JobKind<Payload> KIND = new JobKind<>("bench.noop", Payload.class);

    @Override
    public JobKind<Payload> kind() {
        return KIND;
    }

    @Override
    public void handle(Payload payload, JobContext context) {
        // nothing: what is measured is the queue
    }
}
