package org.gospelib.ingest.internal;

import java.time.Duration;
import org.gospelib.ingest.CorpusIngest;
import org.gospelib.ingest.IngestMode;
import org.gospelib.ingest.IngestReport;
import org.gospelib.jobs.JobContext;
import org.gospelib.jobs.JobHandler;
import org.gospelib.jobs.JobKind;
import org.gospelib.jobs.JobPriority;
import org.gospelib.jobs.RetryPolicy;
import org.springframework.stereotype.Component;

/**
 * The corpus ingest as a job, full or incremental, run by whichever process executes jobs (a
 * worker when split). One ingest is queued at a time (key {@code corpus}); an ingest is
 * idempotent by nature: an incremental run after a complete one finds nothing changed.
 */
@Component
class IngestJob implements JobHandler<IngestJob.Request> {

    /** The payload: how much to redo. */
    record Request(IngestMode mode) {
    }

    static final JobKind<Request> KIND = new JobKind<>("corpus.ingest", Request.class);
    static final String KEY = "corpus";

    private final CorpusIngest ingest;

    IngestJob(CorpusIngest ingest) {
        this.ingest = ingest;
    }

    @Override
    public JobKind<Request> kind() {
        return KIND;
    }

    @Override
    public void handle(Request request, JobContext context) {
        IngestReport report = ingest.run(request.mode(), false);
        if (report.failed()) throw new IllegalStateException("the " + request.mode() + " ingest failed; the corpus is unchanged");
    }

    @Override
    public RetryPolicy retryPolicy() {
        return new RetryPolicy(3, Duration.ofMinutes(1), Duration.ofMinutes(10));
    }

    @Override
    public JobPriority defaultPriority() {
        return JobPriority.HIGH;
    }
}
