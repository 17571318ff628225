package org.gospelib.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.gospelib.support.Http;
import org.gospelib.support.Readers;
import org.gospelib.support.RunningApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** The job queue and the outbox in the running application, on its real PostgreSQL. */
class JobsTests extends RunningApplication {

    @Autowired
    Jobs jobs;
    @Autowired
    RecordingJobs recording;
    @Autowired
    OutboxProbes probes;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    ApplicationContext context;

    private static String key() {
        return "k-" + UUID.randomUUID();
    }

    @Test
    void aJobRunsOnceAndAKeyIsQueuedOnlyOnce() {
        String key = key();
        assertThat(jobs.enqueue(JobRequest.of(RecordingJobs.KIND, key, new RecordingJobs.Payload("first", 0)))).isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> recording.runsOf(key).size() == 1);
        assertThat(recording.runsOf(key).getFirst().note()).isEqualTo("first");

        // waiting for its time: a second enqueue of the key changes nothing
        String later = key();
        Instant at = Instant.now().plusSeconds(3600);
        assertThat(jobs.enqueue(JobRequest.of(RecordingJobs.KIND, later, new RecordingJobs.Payload("a", 0)).at(at))).isTrue();
        assertThat(jobs.enqueue(JobRequest.of(RecordingJobs.KIND, later, new RecordingJobs.Payload("b", 0)))).isFalse();
        assertThat(jobs.queued(RecordingJobs.KIND, later)).isTrue();
        assertThat(jobs.cancel(RecordingJobs.KIND, later)).isTrue();
        assertThat(jobs.queued(RecordingJobs.KIND, later)).isFalse();
        assertThat(recording.runsOf(later)).isEmpty();
    }

    @Test
    void theQueueRunsJobsAgainAfterItWasStoppedAndStarted() {
        // as a paused test context, or a graceful restart of the lifecycle, does
        SmartLifecycle queue = context.getBean("jobs", SmartLifecycle.class);
        queue.stop();
        assertThat(queue.isRunning()).isFalse();
        queue.start();
        String key = key();
        jobs.enqueue(JobRequest.of(RecordingJobs.KIND, key, new RecordingJobs.Payload("after a restart", 0)));
        await().atMost(Duration.ofSeconds(20)).until(() -> recording.runsOf(key).size() == 1);
    }

    @Test
    void aJobEnqueuedInATransactionThatRollsBackIsNeverQueued() {
        String key = key();
        transactions.executeWithoutResult(status -> {
            jobs.enqueue(JobRequest.of(RecordingJobs.KIND, key, new RecordingJobs.Payload("rolled back", 0)));
            status.setRollbackOnly();
        });
        assertThat(jobs.queued(RecordingJobs.KIND, key)).isFalse();
        String committed = key();
        transactions.executeWithoutResult(status ->
                jobs.enqueue(JobRequest.of(RecordingJobs.KIND, committed, new RecordingJobs.Payload("committed", 0))));
        await().atMost(Duration.ofSeconds(20)).until(() -> recording.runsOf(committed).size() == 1);
        assertThat(recording.runsOf(key)).isEmpty();
    }

    @Test
    void aFailedJobIsRetriedWithBackoffUntilItSucceeds() {
        String key = key();
        jobs.enqueue(JobRequest.of(RecordingJobs.KIND, key, new RecordingJobs.Payload("flaky", 2)));
        await().atMost(Duration.ofSeconds(30)).until(() -> recording.runsOf(key).size() == 3 && !jobs.queued(RecordingJobs.KIND, key));
        List<RecordingJobs.Run> runs = recording.runsOf(key);
        assertThat(runs).extracting(RecordingJobs.Run::attempt).containsExactly(1, 2, 3);
        // 200 ms doubling, half of it random: at least 100 ms, then at least 200 ms
        assertThat(Duration.between(runs.get(0).at(), runs.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(Duration.between(runs.get(1).at(), runs.get(2).at())).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(deadCount(key)).isZero();
        // the progress a job reported is gone once it has ended well
        assertThat(jdbc.sql("select count(*) from job_progress where job_key = ?").param(key).query(Long.class).single()).isZero();
    }

    @Test
    void aJobThatKeepsFailingDiesAndAnAdminCanRetryIt() {
        String key = key();
        jobs.enqueue(JobRequest.of(RecordingJobs.KIND, key, new RecordingJobs.Payload("doomed", 99)).withPriority(JobPriority.HIGH));
        await().atMost(Duration.ofSeconds(30)).until(() -> deadCount(key) == 1);
        assertThat(recording.runsOf(key)).hasSize(3);
        assertThat(jobs.queued(RecordingJobs.KIND, key)).isFalse();

        String admin = Readers.admin(http);
        Http.Response dead = http.get("/v1/admin/jobs/dead?kind=test.recording", "Authorization", admin);
        assertThat(dead.status()).as(dead.body()).isEqualTo(200);
        JsonNode job = find(dead.json().get("jobs"), key);
        assertThat(job.get("attempts").asInt()).isEqualTo(3);
        assertThat(job.get("error").asString()).contains("planned failure 3");

        Http.Response queues = http.get("/v1/admin/jobs", "Authorization", admin);
        assertThat(queues.status()).isEqualTo(200);
        JsonNode kind = null;
        for (JsonNode k : queues.json().get("kinds")) if (k.get("kind").asString().equals("test.recording")) kind = k;
        assertThat(kind).isNotNull();
        assertThat(kind.get("dead").asLong()).isPositive();

        recording.healed.add(key);
        Http.Response retried = http.send("POST", "/v1/admin/jobs/dead/" + job.get("id").asLong() + "/retry", "",
                "Authorization", admin);
        assertThat(retried.status()).as(retried.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> recording.runsOf(key).size() == 4);
        assertThat(recording.runsOf(key).get(3).attempt()).isEqualTo(1);
        assertThat(deadCount(key)).isZero();
        Http.Response again = http.send("POST", "/v1/admin/jobs/dead/" + job.get("id").asLong() + "/retry", "",
                "Authorization", admin);
        assertThat(again.status()).isEqualTo(404);

        // the retry is in the audit log, with the job as it was
        JsonNode entry = http.get("/v1/admin/audit?target=dead-job:" + job.get("id").asLong(), "Authorization", admin).json()
                .get("entries").get(0);
        assertThat(entry.get("action").asString()).isEqualTo("job.retry");
        assertThat(entry.get("before").get("key").asString()).isEqualTo(key);
        assertThat(entry.has("after")).isFalse();
    }

    @Test
    void operatorsListAKindsFailingJobsAlone() {
        String failing = key();
        String healthy = key();
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
        // two jobs waiting for tomorrow, one of them after two failed attempts
        jobs.enqueue(JobRequest.of(RecordingJobs.KIND, failing, new RecordingJobs.Payload("failing", 0)).at(tomorrow));
        jobs.enqueue(JobRequest.of(RecordingJobs.KIND, healthy, new RecordingJobs.Payload("healthy", 0)).at(tomorrow));
        jdbc.sql("update scheduled_tasks set consecutive_failures = 2, last_failure = now() where task_instance = ?").param(failing).update();
        String admin = Readers.admin(http);
        Http.Response onlyFailing = http.get("/v1/admin/jobs/test.recording?failing=true", "Authorization", admin);
        assertThat(onlyFailing.status()).as(onlyFailing.body()).isEqualTo(200);
        assertThat(onlyFailing.body()).contains(failing).doesNotContain(healthy);
        JsonNode job = find(onlyFailing.json().get("jobs"), failing);
        assertThat(job.get("state").asString()).isEqualTo("retrying");
        assertThat(job.get("failures").asInt()).isEqualTo(2);
        assertThat(http.get("/v1/admin/jobs/test.recording", "Authorization", admin).body()).contains(failing).contains(healthy);
        jobs.cancel(RecordingJobs.KIND, failing);
        jobs.cancel(RecordingJobs.KIND, healthy);
    }

    @Test
    void aDailyJobWaitsForItsLocalTimeWithItsPriority() {
        String key = key();
        ZoneId madrid = ZoneId.of("Europe/Madrid");
        jobs.scheduleDaily(new DailyJob<>(RecordingJobs.KIND, key, new RecordingJobs.Payload("reminder", 0), LocalTime.of(7, 30), madrid));
        Instant runAt = jdbc.sql("select execution_time from scheduled_tasks where task_name = 'test.recording@daily' and task_instance = ?")
                .param(key).query(java.sql.Timestamp.class).single().toInstant();
        ZonedDateTime local = runAt.atZone(madrid);
        assertThat(local.toLocalTime()).isEqualTo(LocalTime.of(7, 30));
        assertThat(runAt).isAfter(Instant.now()).isBefore(Instant.now().plus(Duration.ofHours(25)));
        // rescheduling the same key replaces its schedule
        jobs.scheduleDaily(new DailyJob<>(RecordingJobs.KIND, key, new RecordingJobs.Payload("reminder", 0), LocalTime.of(21, 0), madrid));
        assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_instance = ?").param(key).query(Long.class).single()).isEqualTo(1);
        assertThat(jobs.cancel(RecordingJobs.KIND, key)).isTrue();
        assertThat(jobs.queued(RecordingJobs.KIND, key)).isFalse();

        String high = key();
        jobs.enqueue(JobRequest.of(RecordingJobs.KIND, high, new RecordingJobs.Payload("p", 0))
                .at(Instant.now().plusSeconds(3600)).withPriority(JobPriority.HIGH));
        assertThat(jdbc.sql("select priority from scheduled_tasks where task_instance = ?").param(high).query(Integer.class).single())
                .isEqualTo(JobPriority.HIGH.value());
        jobs.cancel(RecordingJobs.KIND, high);
    }

    @Test
    void readersAndAnonymousCallersNeverReachTheOperatorsRoutes() {
        String reader = Readers.newReader(http);
        for (String path : List.of("/v1/admin/jobs", "/v1/admin/jobs/dead", "/v1/admin/outbox", "/v1/admin/jobs/test.recording")) {
            assertThat(http.get(path).status()).as(path).isEqualTo(404);
            assertThat(http.get(path, "Authorization", reader).status()).as(path).isEqualTo(404);
        }
        assertThat(http.send("POST", "/v1/admin/ingest", "", "Authorization", reader).status()).isEqualTo(404);
        assertThat(http.send("POST", "/v1/admin/jobs/dead/1/retry", "", "Authorization", reader).status()).isEqualTo(404);
        String admin = Readers.admin(http);
        Http.Response badMode = http.send("POST", "/v1/admin/ingest?mode=everything", "", "Authorization", admin);
        assertThat(badMode.status()).isEqualTo(400);
        assertThat(badMode.header("Content-Type")).startsWith("application/problem+json");
        assertThat(http.get("/v1/admin/jobs/no.such.kind", "Authorization", admin).status()).isEqualTo(404);
        assertThat(http.send("DELETE", "/v1/admin/jobs/dead/999999999", "", "Authorization", admin).status()).isEqualTo(404);
    }

    @Test
    void aFailedEventIsResubmittedWhileTheProcessRunsAndThenAbandoned() {
        String flaky = "probe-" + UUID.randomUUID();
        transactions.executeWithoutResult(s -> events.publishEvent(new OutboxProbes.ProbePublished(flaky, 2)));
        await().atMost(Duration.ofSeconds(60)).until(() -> completed(flaky));
        assertThat(probes.deliveries(flaky)).isEqualTo(3);

        String doomed = "probe-" + UUID.randomUUID();
        transactions.executeWithoutResult(s -> events.publishEvent(new OutboxProbes.ProbePublished(doomed, 99)));
        await().atMost(Duration.ofSeconds(60)).until(() -> probes.deliveries(doomed) >= 3);
        // abandoned after three attempts (the tests' gospelib.events.max-attempts): no fourth
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10))
                .until(() -> probes.deliveries(doomed) == 3);
        assertThat(completed(doomed)).isFalse();

        String admin = Readers.admin(http);
        Http.Response outbox = http.get("/v1/admin/outbox", "Authorization", admin);
        assertThat(outbox.status()).as(outbox.body()).isEqualTo(200);
        assertThat(outbox.json().get("abandoned").asLong()).isPositive();
        String id = null;
        for (JsonNode p : outbox.json().get("publications")) {
            if (p.get("status").asString().equals("FAILED") && p.get("attempts").asInt() >= 3
                    && p.get("eventType").asString().endsWith("ProbePublished")) {
                String event = jdbc.sql("select serialized_event from event_publication where id = ?::uuid")
                        .param(p.get("id").asString()).query(String.class).single();
                if (event.contains(doomed)) id = p.get("id").asString();
            }
        }
        assertThat(id).as("the abandoned publication is listed").isNotNull();
        probes.heal(doomed);
        Http.Response resubmitted = http.send("POST", "/v1/admin/outbox/" + id + "/resubmit", "", "Authorization", admin);
        assertThat(resubmitted.status()).as(resubmitted.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> completed(doomed));
        assertThat(probes.deliveries(doomed)).isEqualTo(4);
    }

    private boolean completed(String probeId) {
        return jdbc.sql("select count(*) from event_publication where serialized_event like ? and completion_date is not null")
                .param("%" + probeId + "%").query(Long.class).single() == 1;
    }

    private long deadCount(String key) {
        return jdbc.sql("select count(*) from job_dead where job_key = ?").param(key).query(Long.class).single();
    }

    private static JsonNode find(JsonNode jobs, String key) {
        for (JsonNode job : jobs) if (job.get("key").asString().equals(key)) return job;
        throw new AssertionError("no dead job " + key + " in " + jobs);
    }

}
