package org.gospelib.study;

import org.gospelib.support.BenchClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.gospelib.GospelibApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Many users syncing at once against PostgreSQL: {@value #USERS} users with {@value #ITEMS} items
 * each; {@value #CLIENTS} concurrent clients, each request a random user's full sync (since=0)
 * or incremental sync (from the user's latest cursor: nothing new), or a new note. The baseline,
 * measured in the same run by the same clients: a verse served from memory. Writes
 * {@code target/study-sync.md}. Run with {@code ./gospelib bench study-sync}.
 */
public final class StudySyncBenchmark {

    static final int USERS = 50;
    static final int ITEMS = 200;
    static final int CLIENTS = 32;
    static final Duration DURATION = Duration.ofSeconds(Long.getLong("bench.seconds", 15));
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private StudySyncBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(GospelibApplication.class)
                .run("--gospelib.data-dir=target/bench-data", "--gospelib.ingest.on-start=if-empty", "--server.port=0",
                        "--gospelib.search.semantic.enabled=false", "--gospelib.rate-limit.enabled=false",
                        "--logging.level.root=warn", "--logging.file.name=target/bench-data/logs/study-sync.log")) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            String base = "http://127.0.0.1:" + port;
            BenchClient.awaitReady(base, Duration.ofMinutes(10));
            List<String> tokens = new ArrayList<>();
            for (int u = 0; u < USERS; u++) tokens.add(BenchClient.user(base));
            System.err.printf("seeding %d items…%n", USERS * ITEMS);
            for (String token : tokens) for (int i = 0; i < ITEMS; i++) note(base, token, i);
            String[] cursors = new String[USERS];
            for (int u = 0; u < USERS; u++) cursors[u] = JSON.readTree(BenchClient.send(base + "/v1/me/sync?since=0&limit=1000", tokens.get(u))).path("cursor").asString();

            StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "%d users × %d items; %d concurrent clients on loopback; "
                    + "%d s per case, after a %d s warm-up; the server and the clients share the 2 cores.%n%n",
                    USERS, ITEMS, CLIENTS, DURATION.toSeconds(), DURATION.toSeconds() / 3));
            md.append("| case | requests/s | p50 ms | p99 ms | vs baseline (requests/s) |\n|---|---:|---:|---:|---:|\n");
            Result baseline = run(u -> BenchClient.send(base + "/v1/verses/John.3.16", null));
            row(md, "baseline: GET /v1/verses/John.3.16 (memory)", baseline, baseline);
            row(md, "full sync (since=0, 200 items)", run(u -> BenchClient.send(base + "/v1/me/sync?since=0&limit=500", tokens.get(u))), baseline);
            row(md, "incremental sync (nothing new)", run(u -> BenchClient.send(base + "/v1/me/sync?since=" + cursors[u], tokens.get(u))), baseline);
            row(md, "create a note (one transaction)", run(u -> note(base, tokens.get(u), ThreadLocalRandom.current().nextInt(1_000_000))), baseline);
            System.out.println(md);
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target/study-sync.md"), md.toString());
        }
    }

    interface Call {
        void call(int user) throws Exception;
    }

    record Result(double perSecond, double p50, double p99) {
    }

    static Result run(Call call) throws InterruptedException {
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<long[]> samples = new ConcurrentLinkedQueue<>();
        AtomicLong failures = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            threads.add(Thread.ofVirtual().start(() -> {
                List<Long> mine = new ArrayList<>();
                while (running.get()) {
                    long t0 = System.nanoTime();
                    try {
                        call.call(ThreadLocalRandom.current().nextInt(USERS));
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                    if (measuring.get()) mine.add(System.nanoTime() - t0);
                }
                samples.add(mine.stream().mapToLong(Long::longValue).toArray());
            }));
        }
        Thread.sleep(DURATION.toMillis() / 3);
        measuring.set(true);
        long start = System.nanoTime();
        Thread.sleep(DURATION.toMillis());
        measuring.set(false);
        long elapsed = System.nanoTime() - start;
        running.set(false);
        for (Thread t : threads) t.join();
        long[] all = samples.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        if (failures.get() > 0) System.err.println(failures.get() + " failed requests");
        return new Result(all.length / (elapsed / 1e9), all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6);
    }

    static void row(StringBuilder md, String name, Result r, Result baseline) {
        md.append(String.format(Locale.ROOT, "| %s | %,.0f | %.2f | %.2f | %.2f× |%n", name, r.perSecond(), r.p50(), r.p99(),
                r.perSecond() / baseline.perSecond()));
    }

    static void note(String base, String token, int n) throws Exception {
        BenchClient.post(base + "/v1/me/notes", "{\"ref\":\"John 3:" + (1 + n % 36) + "\",\"body\":\"note " + n + "\",\"tags\":[\"t" + n % 7 + "\"]}", token);
    }

}
