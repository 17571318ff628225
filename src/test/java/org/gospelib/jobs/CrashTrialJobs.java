package org.gospelib.jobs;

import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The job kind of the worker crash trial, present only in worker processes (so only they run it):
 * each job takes a little while, then records its effect keyed by its job key in one statement,
 * counting how often it ran. Running a job twice leaves one row: the handler is idempotent.
 */
@Component
@ConditionalOnProperty(name = "gospelib.services", havingValue = "worker")
public class CrashTrialJobs implements JobHandler<CrashTrialJobs.Payload> {

    public record Payload(int work) {
    }

    public static final JobKind<Payload> KIND = new JobKind<>("test.crash-trial", Payload.class);

    private final JdbcClient jdbc;

    CrashTrialJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public JobKind<Payload> kind() {
        return KIND;
    }

    @Override
    public void handle(Payload payload, JobContext context) throws InterruptedException {
        Thread.sleep(Duration.ofMillis(payload.work()));
        jdbc.sql("""
                insert into test_crash_trial (job_key, runs) values (?, 1)
                on conflict (job_key) do update set runs = test_crash_trial.runs + 1""").param(context.key()).update();
    }
}
