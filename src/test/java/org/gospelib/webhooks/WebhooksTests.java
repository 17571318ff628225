package org.gospelib.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.gospelib.platform.WebhookSignature;
import org.gospelib.support.Http;
import org.gospelib.support.Readers;
import org.gospelib.support.RunningApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Outbound webhooks over real HTTP: registered by a reader, signed per Standard Webhooks (checked
 * by the specification's reference library in JavaScript, not only by our code), retried,
 * disabled on 410, logged, replayed, rotated.
 */
class WebhooksTests extends RunningApplication {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the receiver got. */
    record Received(String path, Map<String, String> headers, String body, Instant at) {
    }

    HttpServer receiver;
    final List<Received> received = new CopyOnWriteArrayList<>();
    /** Per path, the statuses to answer in turn (then 200), and a Retry-After to send with them. */
    final Map<String, Deque<Integer>> script = new ConcurrentHashMap<>();
    final Map<String, String> retryAfter = new ConcurrentHashMap<>();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.getFirst()));
            received.add(new Received(path, headers, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), Instant.now()));
            Deque<Integer> statuses = script.get(path);
            Integer status = statuses == null ? null : statuses.pollFirst();
            if (status != null && retryAfter.containsKey(path)) exchange.getResponseHeaders().add("Retry-After", retryAfter.get(path));
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    String url(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    @Test
    void registrationRefusesBadInputAndKeepsNothingHalfRegistered() {
        String auth = Readers.newReader(http);
        assertProblem(http.postJson("/v1/me/webhooks", "{\"url\":\"" + url("/x") + "\",\"eventTypes\":[\"study.note.deleted\"]}",
                "Authorization", auth), 400, "unknown-event-type");
        assertProblem(http.postJson("/v1/me/webhooks", "{\"url\":\"ftp://example.test/x\",\"eventTypes\":[\"corpus.updated\"]}",
                "Authorization", auth), 400, "invalid-webhook-endpoint");
        assertProblem(http.postJson("/v1/me/webhooks", "{\"eventTypes\":[\"corpus.updated\"]}", "Authorization", auth),
                400, "invalid-webhook-endpoint");
        assertProblem(http.postJson("/v1/me/webhooks", "{\"url\":\"" + url("/x") + "\",\"eventTypes\":[]}", "Authorization", auth),
                400, "invalid-webhook-endpoint");
        assertProblem(http.postJson("/v1/me/webhooks", "{\"url\":\"" + url("/x") + "\",\"eventTypes\":[\"corpus.updated\"],"
                + "\"description\":\"" + "d".repeat(201) + "\"}", "Authorization", auth), 400, "invalid-webhook-endpoint");
        assertProblem(http.postJson("/v1/me/webhooks", "{\"url\":\"https://no-such-host.invalid/x\",\"eventTypes\":[\"corpus.updated\"]}",
                "Authorization", auth), 400, "webhook-target-not-allowed");
        assertThat(http.postJson("/v1/me/webhooks", "{\"url\":", "Authorization", auth).status()).isEqualTo(400);
        assertThat(http.postJson("/v1/me/webhooks", "{\"url\":\"" + url("/x") + "\",\"eventTypes\":[\"corpus.updated\"]}").status())
                .isEqualTo(401);
        Http.Response list = http.get("/v1/me/webhooks", "Authorization", auth);
        assertThat(list.json().get("endpoints")).isEmpty();
        Http.Response types = http.get("/v1/webhooks/event-types");
        assertThat(types.status()).isEqualTo(200);
        assertThat(types.body()).contains("corpus.updated", "study.note.created");
    }

    @Test
    void aReadersNoteReachesTheirOwnEndpointSignedAndTheReferenceLibraryVerifiesIt() throws Exception {
        String auth = Readers.newReader(http);
        JsonNode created = register(auth, "/notes", "study.note.created");
        String secret = created.get("secret").asString();
        assertThat(secret).startsWith("whsec_");
        String otherAuth = Readers.newReader(http);
        register(otherAuth, "/others", "study.note.created");

        assertThat(http.postJson("/v1/me/notes", "{\"ref\":\"John 3:16\",\"body\":\"loved\"}", "Authorization", auth).status()).isEqualTo(201);
        Received delivery = awaitDelivery("/notes", 1);
        JsonNode payload = JSON.readTree(delivery.body());
        assertThat(payload.get("type").asString()).isEqualTo("study.note.created");
        assertThat(payload.get("data").get("osis").asString()).isEqualTo("John.3.16");
        assertThat(delivery.headers().get("webhook-id")).startsWith("msg_");
        assertThat(delivery.headers().get("content-type")).isEqualTo("application/json");
        // ours verifies it ...
        WebhookSignature.forSecret(secret).verify(delivery.headers().get("webhook-id"), delivery.headers().get("webhook-timestamp"),
                delivery.headers().get("webhook-signature"), delivery.body().getBytes(StandardCharsets.UTF_8), Instant.now());
        // ... and so does the specification's reference library; a changed body or an old timestamp does not pass
        assertThat(referenceVerify(secret, delivery.headers(), delivery.body())).isEqualTo("ok");
        assertThat(referenceVerify(secret, delivery.headers(), delivery.body() + " ")).startsWith("rejected");
        assertThat(referenceVerify(secret, delivery.headers(), delivery.body().replace("John.3.16", "John.3.17"))).startsWith("rejected");
        Map<String, String> stale = new java.util.HashMap<>(delivery.headers());
        stale.put("webhook-timestamp", Long.toString(Instant.now().minus(Duration.ofMinutes(10)).getEpochSecond()));
        assertThat(referenceVerify(secret, stale, delivery.body())).startsWith("rejected");
        assertThat(referenceVerify("whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[24]), delivery.headers(),
                delivery.body())).startsWith("rejected");
        // a reader's study events go only to their own endpoints
        Thread.sleep(500);
        assertThat(received.stream().filter(r -> r.path().equals("/others"))).isEmpty();
    }

    @Test
    void failedDeliveriesAreRetriedOnScheduleRetryAfterIsHonouredAndGoneDisables() {
        String auth = Readers.newReader(http);
        JsonNode flaky = register(auth, "/flaky", "study.note.created");
        script.put("/flaky", new ArrayDeque<>(List.of(500)));
        JsonNode slow = register(auth, "/slow", "study.note.created");
        script.put("/slow", new ArrayDeque<>(List.of(429)));
        retryAfter.put("/slow", "8");
        JsonNode gone = register(auth, "/gone", "study.note.created");
        script.put("/gone", new ArrayDeque<>(List.of(410)));

        http.postJson("/v1/me/notes", "{\"ref\":\"Ps 23:1\",\"body\":\"shepherd\"}", "Authorization", auth);
        List<Received> flakyRuns = awaitDeliveries("/flaky", 2, Duration.ofSeconds(30));
        Duration firstRetry = Duration.between(flakyRuns.get(0).at(), flakyRuns.get(1).at());
        assertThat(firstRetry).as("Svix's first retry: 5 s, a tenth of it random").isBetween(Duration.ofMillis(4_400), Duration.ofSeconds(12));
        assertThat(flakyRuns.get(0).headers().get("webhook-id")).isEqualTo(flakyRuns.get(1).headers().get("webhook-id"));
        List<Received> slowRuns = awaitDeliveries("/slow", 2, Duration.ofSeconds(40));
        assertThat(Duration.between(slowRuns.get(0).at(), slowRuns.get(1).at())).as("Retry-After: 8").isGreaterThanOrEqualTo(Duration.ofSeconds(8));

        String flakyId = flaky.get("endpoint").get("id").asString();
        JsonNode log = http.get("/v1/me/webhooks/" + flakyId + "/deliveries", "Authorization", auth).json().get("deliveries");
        assertThat(log).hasSize(2);
        assertThat(log.get(0).get("succeeded").asBoolean()).isTrue();
        assertThat(log.get(0).get("attempt").asInt()).isEqualTo(2);
        assertThat(log.get(1).get("statusCode").asInt()).isEqualTo(500);

        String goneId = gone.get("endpoint").get("id").asString();
        await().atMost(Duration.ofSeconds(20)).until(() ->
                !http.get("/v1/me/webhooks/" + goneId, "Authorization", auth).json().get("enabled").asBoolean());
        assertThat(http.get("/v1/me/webhooks/" + goneId, "Authorization", auth).json().get("disabledReason").asString()).contains("410");
        assertThat(awaitDeliveries("/gone", 1, Duration.ofSeconds(5))).hasSize(1);
        assertThat(slow.get("endpoint").get("enabled").asBoolean()).isTrue();
    }

    @Test
    void rotationSignsWithBothSecretsAndTestSendAndReplayDeliverAgain() throws Exception {
        String auth = Readers.newReader(http);
        JsonNode created = register(auth, "/rotating", "study.bookmark.created");
        String id = created.get("endpoint").get("id").asString();
        String oldSecret = created.get("secret").asString();
        Http.Response rotated = http.send("POST", "/v1/me/webhooks/" + id + "/rotate-secret", "", "Authorization", auth);
        assertThat(rotated.status()).isEqualTo(200);
        String newSecret = rotated.json().get("secret").asString();
        assertThat(newSecret).isNotEqualTo(oldSecret).startsWith("whsec_");

        Http.Response test = http.send("POST", "/v1/me/webhooks/" + id + "/test", "", "Authorization", auth);
        assertThat(test.status()).isEqualTo(202);
        Received delivery = awaitDelivery("/rotating", 1);
        assertThat(JSON.readTree(delivery.body()).get("type").asString()).isEqualTo("webhook.test");
        assertThat(delivery.headers().get("webhook-signature").split(" ")).hasSize(2);
        // a receiver still on the old secret, and one already on the new, both accept it
        assertThat(referenceVerify(oldSecret, delivery.headers(), delivery.body())).isEqualTo("ok");
        assertThat(referenceVerify(newSecret, delivery.headers(), delivery.body())).isEqualTo("ok");

        Http.Response replay = http.send("POST", "/v1/me/webhooks/" + id + "/messages/" + delivery.headers().get("webhook-id") + "/replay",
                "", "Authorization", auth);
        assertThat(replay.status()).isEqualTo(202);
        List<Received> both = awaitDeliveries("/rotating", 2, Duration.ofSeconds(20));
        assertThat(both.get(1).headers().get("webhook-id")).isEqualTo(delivery.headers().get("webhook-id"));

        // someone else's endpoint does not exist for this reader
        String stranger = Readers.newReader(http);
        assertThat(http.get("/v1/me/webhooks/" + id, "Authorization", stranger).status()).isEqualTo(404);
        assertThat(http.send("POST", "/v1/me/webhooks/" + id + "/test", "", "Authorization", stranger).status()).isEqualTo(404);
        assertThat(http.send("DELETE", "/v1/me/webhooks/" + id, "", "Authorization", auth).status()).isEqualTo(204);
        assertThat(http.get("/v1/me/webhooks/" + id, "Authorization", auth).status()).isEqualTo(404);
    }

    @Test
    void anOperatorSeesEveryEndpointReadsItsDeliveriesReplaysOneAndDisablesIt() {
        String auth = Readers.newReader(http);
        String id = register(auth, "/operated", "study.bookmark.created").get("endpoint").get("id").asString();
        assertThat(http.send("POST", "/v1/me/webhooks/" + id + "/test", "", "Authorization", auth).status()).isEqualTo(202);
        String messageId = awaitDelivery("/operated", 1).headers().get("webhook-id");

        String admin = Readers.admin(http);
        JsonNode endpoints = http.get("/v1/admin/webhooks", "Authorization", admin).json().get("endpoints");
        JsonNode mine = null;
        for (JsonNode e : endpoints) if (e.get("id").asString().equals(id)) mine = e;
        assertThat(mine).isNotNull();
        assertThat(mine.get("owner").asString()).isEqualTo(http.get("/v1/me", "Authorization", auth).json().get("id").asString());
        assertThat(mine.has("secret")).isFalse();
        await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/v1/admin/webhooks/" + id + "/deliveries", "Authorization", admin)
                .json().get("deliveries").toString().contains(messageId));

        Http.Response replay = http.send("POST", "/v1/admin/webhooks/" + id + "/messages/" + messageId + "/replay", "",
                "Authorization", admin);
        assertThat(replay.status()).as(replay.body()).isEqualTo(202);
        assertThat(awaitDeliveries("/operated", 2, Duration.ofSeconds(20)).get(1).headers().get("webhook-id")).isEqualTo(messageId);
        assertThat(http.send("POST", "/v1/admin/webhooks/" + id + "/messages/msg_none/replay", "", "Authorization", admin).status())
                .isEqualTo(404);

        Http.Response disabled = http.send("POST", "/v1/admin/webhooks/" + id + "/disable", "", "Authorization", admin);
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        assertThat(disabled.json().get("enabled").asBoolean()).isFalse();
        assertThat(http.get("/v1/me/webhooks/" + id, "Authorization", auth).json().get("disabledReason").asString())
                .isEqualTo("disabled by an operator");
        assertThat(http.get("/v1/admin/webhooks?troubled=true", "Authorization", admin).json().get("endpoints").toString()).contains(id);
        JsonNode history = http.get("/v1/admin/audit?target=webhook:" + id, "Authorization", admin).json().get("entries");
        assertThat(history.get(0).get("action").asString()).isEqualTo("webhook.disable");
        assertThat(history.get(0).get("before").get("enabled").asBoolean()).isTrue();
        assertThat(history.get(0).get("after").get("enabled").asBoolean()).isFalse();
        assertThat(history.get(1).get("action").asString()).isEqualTo("webhook.replay");
        assertThat(http.send("POST", "/v1/admin/webhooks/" + UUID.randomUUID() + "/disable", "", "Authorization", admin).status())
                .isEqualTo(404);
    }

    private JsonNode register(String auth, String path, String eventType) {
        Http.Response response = http.postJson("/v1/me/webhooks", "{\"url\":\"" + url(path) + "\",\"eventTypes\":[\"" + eventType + "\"],"
                + "\"description\":\"tests\"}", "Authorization", auth);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private Received awaitDelivery(String path, int count) {
        return awaitDeliveries(path, count, Duration.ofSeconds(20)).get(count - 1);
    }

    private List<Received> awaitDeliveries(String path, int count, Duration timeout) {
        await().atMost(timeout).until(() -> received.stream().filter(r -> r.path().equals(path)).count() >= count);
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** The Standard Webhooks reference library (JavaScript, from npm), installed by the test command. */
    static String referenceVerify(String secret, Map<String, String> headers, String body) throws Exception {
        Path dir = Path.of("target/webhook-verifier");
        if (!Files.isDirectory(dir.resolve("node_modules/standardwebhooks"))) {
            throw new IllegalStateException("the Standard Webhooks reference library is not installed in " + dir
                    + " (./gospelib test installs it)");
        }
        Files.copy(Path.of("src/test/resources/webhooks/verify.mjs"), dir.resolve("verify.mjs"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Process node = new ProcessBuilder("node", "verify.mjs").directory(dir.toFile()).redirectErrorStream(true).start();
        Map<String, String> sent = Map.of("webhook-id", headers.get("webhook-id"), "webhook-timestamp", headers.get("webhook-timestamp"),
                "webhook-signature", headers.get("webhook-signature"));
        node.getOutputStream().write(JSON.writeValueAsBytes(Map.of("secret", secret, "headers", sent, "body", body)));
        node.getOutputStream().close();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    private static void assertProblem(Http.Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).endsWith("/" + type);
    }

}
