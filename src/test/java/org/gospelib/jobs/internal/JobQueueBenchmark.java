package org.gospelib.jobs.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gospelib.GospelibApplication;
import org.gospelib.jobs.JobRequest;
import org.gospelib.jobs.Jobs;
import org.gospelib.jobs.NoopJobs;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Enqueue and processing rates of no-op jobs through GospeLib's job queue, as the application
 * runs it (embedded PostgreSQL under target/bench-data): jobs enqueued one by one and in batches,
 * for an hour ahead so that nothing runs while they are counted, then all made due at once and
 * timed until the queue is empty, with the shipped number of threads and with more. Prints one
 * JSON line per setting for the bench script to compare with BullMQ.
 */
public final class JobQueueBenchmark {

    private JobQueueBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int single = Integer.parseInt(System.getProperty("bench.single", "5000"));
        int batch = Integer.parseInt(System.getProperty("bench.batch", "20000"));
        List<String> lines = new ArrayList<>();
        // a first, smaller round warms the JIT up, so that the first setting measured is not the cold one
        System.out.println("warm-up: " + run(4, 1_000, 5_000));
        for (String threads : System.getProperty("bench.threads", "4,32").split(",")) {
            lines.add(run(Integer.parseInt(threads.strip()), single, batch));
        }
        Files.write(Path.of("target/bench-jobs-gospelib.jsonl"), lines);
        lines.forEach(System.out::println);
    }

    private static String run(int threads, int single, int batch) throws InterruptedException {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(GospelibApplication.class)
                .web(WebApplicationType.NONE)
                .run("--gospelib.data-dir=target/bench-data", "--gospelib.ingest.on-start=never",
                        "--gospelib.content.snapshot=false", "--gospelib.search.semantic.enabled=false",
                        "--gospelib.bench.noop-jobs=true", "--gospelib.jobs.threads=" + threads,
                        "--logging.level.root=warn", "--logging.file.name=target/bench-data/logs/bench-jobs.log")) {
            Jobs jobs = context.getBean(Jobs.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            jdbc.update("delete from scheduled_tasks where task_name = ?", NoopJobs.KIND.name());
            Instant later = Instant.now().plusSeconds(3600);
            String run = Long.toString(System.nanoTime(), 36);

            long start = System.nanoTime();
            for (int i = 0; i < single; i++) {
                jobs.enqueue(JobRequest.of(NoopJobs.KIND, run + "-s" + i, new NoopJobs.Payload(i)).at(later));
            }
            double singleRate = single / seconds(start);

            List<JobRequest<NoopJobs.Payload>> requests = new ArrayList<>(batch);
            for (int i = 0; i < batch; i++) requests.add(JobRequest.of(NoopJobs.KIND, run + "-b" + i, new NoopJobs.Payload(i)).at(later));
            start = System.nanoTime();
            for (int from = 0; from < batch; from += 1_000) jobs.enqueueAll(requests.subList(from, Math.min(batch, from + 1_000)));
            double batchRate = batch / seconds(start);

            int total = single + batch;
            start = System.nanoTime();
            jdbc.update("update scheduled_tasks set execution_time = now() where task_name = ?", NoopJobs.KIND.name());
            context.getBean(JobQueue.class).lookForDueJobs();
            long left;
            do {
                Thread.sleep(20);
                left = jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = ?", Long.class, NoopJobs.KIND.name());
            } while (left > 0 && seconds(start) < 600);
            double processRate = (total - left) / seconds(start);
            return String.format(Locale.ROOT,
                    "{\"engine\":\"gospelib (db-scheduler, PostgreSQL)\",\"threads\":%d,\"enqueueOne\":%.0f,\"enqueueBatch\":%.0f,"
                            + "\"process\":%.0f,\"jobs\":%d,\"left\":%d}", threads, singleRate, batchRate, processRate, total, left);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
