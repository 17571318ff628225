package org.gospelib.webhooks.internal;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.gospelib.GospelibApplication;
import org.gospelib.jobs.JobRequest;
import org.gospelib.jobs.Jobs;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Signed webhook deliveries per second to a receiver on loopback (the JDK's HTTP server answering
 * 204), through the same jobs and handler the application uses: messages stored, one delivery job
 * each, timed from enqueueing until the receiver has them all and the queue is empty.
 */
public final class WebhookDeliveryBenchmark {

    private WebhookDeliveryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int messages = Integer.parseInt(System.getProperty("bench.messages", "10000"));
        List<String> lines = new ArrayList<>();
        // a first, smaller round warms the JIT up, so that the first setting measured is not the cold one
        System.out.println("warm-up: " + run(16, 3_000));
        for (String threads : System.getProperty("bench.threads", "4,32,64").split(",")) {
            lines.add(run(Integer.parseInt(threads.strip()), messages));
        }
        Files.write(Path.of("target/bench-webhooks.jsonl"), lines);
        lines.forEach(System.out::println);
    }

    private static String run(int threads, int messages) throws Exception {
        AtomicLong received = new AtomicLong();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        receiver.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(GospelibApplication.class)
                .web(WebApplicationType.NONE)
                .run("--gospelib.data-dir=target/bench-data", "--gospelib.ingest.on-start=never",
                        "--gospelib.content.snapshot=false", "--gospelib.search.semantic.enabled=false",
                        "--gospelib.webhooks.allow-http=true", "--gospelib.webhooks.allow-private-targets=true",
                        "--gospelib.jobs.threads=" + threads, "--logging.level.root=warn",
                        "--logging.file.name=target/bench-data/logs/bench-webhooks.log")) {
            WebhookStore store = context.getBean(WebhookStore.class);
            Jobs jobs = context.getBean(Jobs.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            UUID owner = UUID.randomUUID();
            WebhookStore.Endpoint endpoint = new WebhookStore.Endpoint(UUID.randomUUID(), owner,
                    "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", "bench", List.of(EventTypes.TEST),
                    "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[24]), Optional.empty(), Optional.empty(), true, "",
                    Optional.empty(), Instant.now());
            store.create(endpoint);
            String run = Long.toString(System.nanoTime(), 36);
            List<JobRequest<WebhookDelivery.Request>> requests = new ArrayList<>(messages);
            for (int i = 0; i < messages; i++) {
                String id = "msg_bench_" + run + "_" + i;
                store.store(new WebhookStore.Message(id, EventTypes.TEST, Optional.of(owner),
                        WebhookFanOut.payload(EventTypes.TEST, Instant.now(), java.util.Map.of("n", i)), Instant.now()));
                requests.add(JobRequest.of(WebhookDelivery.KIND, id + ":" + endpoint.id(), new WebhookDelivery.Request(id, endpoint.id())));
            }
            long start = System.nanoTime();
            for (int from = 0; from < messages; from += 1_000) jobs.enqueueAll(requests.subList(from, Math.min(messages, from + 1_000)));
            long left;
            do {
                Thread.sleep(20);
                left = jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = ?", Long.class, WebhookDelivery.KIND.name());
            } while ((left > 0 || received.get() < messages) && (System.nanoTime() - start) < 600e9);
            double seconds = (System.nanoTime() - start) / 1e9;
            long succeeded = jdbc.queryForObject("select count(*) from webhook_attempt where endpoint_id = ? and succeeded",
                    Long.class, endpoint.id());
            store.delete(endpoint.id());
            return String.format(Locale.ROOT, "{\"threads\":%d,\"messages\":%d,\"received\":%d,\"logged\":%d,\"perSecond\":%.0f}",
                    threads, messages, received.get(), succeeded, received.get() / seconds);
        } finally {
            receiver.stop(0);
        }
    }
}
