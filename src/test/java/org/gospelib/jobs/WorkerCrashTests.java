package org.gospelib.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.gospelib.support.ChildProcess;
import org.gospelib.support.Http;
import org.gospelib.support.RunningApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code ./gospelib worker} as orchestrators run it, on the application's database: it serves
 * only its probes and metrics, runs the jobs other processes queued, and when it is killed
 * ({@code kill -9}) in the middle of them, again and again, no job is lost and the idempotent
 * handler leaves no duplicate.
 */
class WorkerCrashTests extends RunningApplication {

    /** 3 in the test suite; {@code ./gospelib bench crash-trial} asks for 100. */
    private static final int KILLS = Integer.getInteger("gospelib.crash-trial.kills", 3);
    private static final int JOBS = Math.max(400, KILLS * 100);
    private static final int THREADS = 4;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void killedWorkersLoseNoJobAndLeaveNoDuplicate() throws Exception {
        jdbc.sql("create table if not exists test_crash_trial (job_key text primary key, runs integer not null)").update();
        String run = UUID.randomUUID().toString().substring(0, 8);
        // queued as any process's client queues them (this process has no handler of the kind, so it
        // never runs them: only workers do)
        for (int i = 0; i < JOBS; i++) {
            jdbc.sql("""
                    insert into scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version,
                        consecutive_failures, priority) values (?, ?, ?, now(), false, 1, 0, 50)""")
                    .params(CrashTrialJobs.KIND.name(), run + "-" + i, "{\"work\":100}".getBytes()).update();
        }
        Path data = Files.createTempDirectory("gospelib-worker");
        String dbUrl = ((HikariDataSource) dataSource).getJdbcUrl();
        int duplicatesAllowed = 0;
        for (int kill = 0; kill <= KILLS; kill++) {
            int port = ChildProcess.freePort();
            int managementPort = ChildProcess.freePort();
            Process worker = ChildProcess.gospelib("worker", "--gospelib.db.url=" + dbUrl, "--data-dir=" + data,
                    "--port=" + port, "--management-port=" + managementPort, "--gospelib.jobs.threads=" + THREADS,
                    "--gospelib.jobs.poll-interval=500ms", "--gospelib.jobs.heartbeat-interval=1s",
                    "--logging.file.name=" + data.resolve("worker-" + kill + ".log"))
                    .redirectErrorStream(true).redirectOutput(data.resolve("worker-" + kill + ".out").toFile()).start();
            try {
                Http probes = new Http(port);
                ChildProcess.awaitLive(worker, probes, data.resolve("worker-" + kill + ".out"));
                if (kill == 0) {
                    probes.awaitReady(Duration.ofMinutes(1)); // live first, ready once started
                    Http.Response api = probes.get("/v1/translations");
                    assertThat(api.status()).isEqualTo(404);
                    assertThat(api.header("Content-Type")).startsWith("application/problem+json");
                    assertThat(new Http(managementPort).get("/actuator/prometheus").body()).contains("gospelib_jobs{");
                }
                if (kill < KILLS) {
                    // kill it in the middle of the work: once a further share of the jobs is done
                    long target = (long) JOBS * (kill + 1) / (KILLS + 2);
                    awaitDone(worker, run, target, Duration.ofMinutes(2));
                    worker.destroyForcibly().waitFor();
                    duplicatesAllowed += THREADS;
                } else {
                    awaitDone(worker, run, JOBS, Duration.ofMinutes(3));
                    // a job's work commits before the queue hears it is done: let the last completions land
                    // before this worker stops too (else they are run again after its heartbeats lapse)
                    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                    while (queued() > 0 && System.nanoTime() < deadline) Thread.sleep(100);
                }
            } finally {
                worker.destroyForcibly().waitFor();
            }
        }
        long rows = jdbc.sql("select count(*) from test_crash_trial where job_key like ?").param(run + "-%").query(Long.class).single();
        long runs = jdbc.sql("select coalesce(sum(runs), 0) from test_crash_trial where job_key like ?").param(run + "-%")
                .query(Long.class).single();
        System.out.printf("worker crash trial: %d jobs, %d kill -9, %d runs, %d jobs run twice (at most %d allowed)%n",
                JOBS, KILLS, runs, runs - rows, duplicatesAllowed);
        assertThat(rows).as("every job ran at least once").isEqualTo(JOBS);
        assertThat(runs - rows).as("jobs run again after a kill (at most those in flight)").isLessThanOrEqualTo(duplicatesAllowed);
        assertThat(queued()).as("nothing left in the queue").isZero();
        assertThat(jdbc.sql("select count(*) from job_dead where kind = ?").param(CrashTrialJobs.KIND.name())
                .query(Long.class).single()).isZero();
    }

    private long queued() {
        return jdbc.sql("select count(*) from scheduled_tasks where task_name = ?").param(CrashTrialJobs.KIND.name())
                .query(Long.class).single();
    }

    private void awaitDone(Process worker, String run, long atLeast, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(worker.isAlive()).as("the worker is running").isTrue();
            long done = jdbc.sql("select count(*) from test_crash_trial where job_key like ?").param(run + "-%")
                    .query(Long.class).single();
            if (done >= atLeast) return;
            Thread.sleep(50);
        }
        throw new AssertionError("fewer than " + atLeast + " jobs done in " + timeout);
    }


}
