package org.gospelib;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gospelib.billing.LocalStripe;
import org.gospelib.support.Http;
import org.gospelib.support.OtlpReceiver.ReceivedSpan;
import org.gospelib.support.OtlpReceiver;
import org.gospelib.support.SplitDeployment;
import org.gospelib.support.TcpRelay;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The end-to-end suite against GospeLib split into its services, each a process on loopback
 * behind the gateway (two content replicas), sharing the test database and a Pub/Sub emulator;
 * plus what only a split deployment can show: service ports refuse requests that did not come
 * through the gateway, and losing a content replica loses no request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SplitEndToEndTests extends EndToEndSuite {

    private SplitDeployment split;
    /** content-a reaches the database through this, so a test can take the database away from it alone. */
    private TcpRelay contentADatabase;
    /** Where every process sends its spans. */
    private OtlpReceiver traces;

    @BeforeAll
    void startTheServices() throws Exception {
        new Http(port).awaitReady(Duration.ofMinutes(5)); // the corpus is ingested into the shared database
        String jdbcUrl = ((HikariDataSource) dataSource).getJdbcUrl();
        Matcher address = Pattern.compile("^jdbc:postgresql://([^:/]+):(\\d+)/").matcher(jdbcUrl);
        assertThat(address.find()).as(jdbcUrl).isTrue();
        contentADatabase = TcpRelay.to(address.group(1), Integer.parseInt(address.group(2)));
        String throughRelay = jdbcUrl.replace(address.group(1) + ":" + address.group(2), "127.0.0.1:" + contentADatabase.port());
        traces = OtlpReceiver.start();
        // the deployment shares this database with the application under test, which would take
        // the deployment's jobs (and send its emails from its own mailbox): it takes none meanwhile
        executor("pause");
        split = SplitDeployment.start(jdbcUrl, Map.of("content-a", throughRelay),
                "--management.opentelemetry.tracing.export.otlp.endpoint=" + traces.endpoint(),
                "--management.opentelemetry.tracing.export.schedule-delay=200ms",
                // the same relaxed limits and loopback webhooks as the collapsed application under test
                "--gospelib.rate-limit.anonymous.capacity=1000000", "--gospelib.rate-limit.free.capacity=40",
                "--gospelib.webhooks.allow-http=true", "--gospelib.webhooks.allow-private-targets=true",
                // Stripe is the test's local server, as for the collapsed application
                "--gospelib.billing.stripe.secret-key=" + LocalStripe.SECRET_KEY,
                "--gospelib.billing.stripe.webhook-secret=" + LocalStripe.WEBHOOK_SECRET,
                "--gospelib.billing.stripe.api-base=http://127.0.0.1:" + LocalStripe.shared().port(),
                "--gospelib.billing.stripe.plus-monthly-price=" + LocalStripe.PLUS_MONTHLY,
                "--gospelib.billing.stripe.plus-yearly-price=" + LocalStripe.PLUS_YEARLY);
    }

    @AfterAll
    void stopTheServices() throws Exception {
        executor("resume");
        if (split != null) split.close();
        if (contentADatabase != null) contentADatabase.close();
        if (traces != null) traces.close();
    }

    @Override
    Http gospelib() {
        return split.gateway();
    }

    /** Pauses or resumes the jobs of the application under test (this JVM's), as an operator would. */
    private void executor(String action) {
        Http app = new Http(port);
        // the configured admin email gets the admin role (the account survives between runs, with this password)
        String admin = "{\"email\":\"admin@gospelib.test\",\"password\":\"correct horse battery staple\"}";
        app.postJson("/v1/auth/signup", admin);
        Http.Response token = app.postJson("/v1/auth/token", admin);
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        Http.Response paused = app.send("POST", "/v1/admin/jobs/executor/" + action, "", "Authorization",
                "Bearer " + token.json().path("accessToken").asString());
        assertThat(paused.status()).as(paused.body()).isEqualTo(200);
        assertThat(paused.json().path("paused").asBoolean()).isEqualTo(action.equals("pause"));
    }

    @Test
    void servicePortsAnswerOnlyWhatTheGatewayPassedOn() {
        for (String service : List.of("content-a", "identity", "study", "web", "notifications")) {
            Http direct = new Http(split.port(service));
            assertProblem(direct.get("/v1/verses/John.3.16"), 401, "gateway-required");
            assertProblem(direct.get("/v1/me", "X-Gospelib-Assertion", "forged"), 401, "gateway-required");
            assertThat(direct.get("/livez").status()).isEqualTo(200);
        }
        // the gateway never routes the services' own routes
        assertThat(gospelib().get("/internal/content/translations").status()).isEqualTo(404);
    }

    @Test
    void aWriteAfterTheGatewaysConnectionsSatIdleGoesThrough() throws Exception {
        String bearer = signUpAndIn();
        String note = "{\"ref\":\"Ruth 1:16\",\"body\":\"whither thou goest\"}";
        assertThat(gospelib().postJson("/v1/me/notes", note, "Authorization", bearer).status()).isEqualTo(201);
        // past the proxy's idle eviction (10 s): the next write must not be sent down a dropped connection
        Thread.sleep(12_000);
        Http.Response again = gospelib().postJson("/v1/me/notes", note, "Authorization", bearer);
        assertThat(again.status()).as(again.body()).isEqualTo(201);
    }

    @Test
    void aProxiedAnswerCarriesOneRequestId() {
        Http.Response given = gospelib().get("/v1/verses/John.3.16", "X-Request-Id", "trace-me-1234");
        assertThat(given.headers("X-Request-Id")).containsExactly("trace-me-1234");
        Http.Response made = gospelib().get("/v1/verses/John.3.17");
        assertThat(made.headers("X-Request-Id")).hasSize(1);
    }

    @Test
    void aRequestIsOneTraceFromTheCallerThroughTheGatewayToTheServiceThatAnswers() throws Exception {
        String traceId = randomHex(16);
        String callerSpan = randomHex(8);
        Http.Response answer = gospelib().get("/v1/passages?ref=" + Http.enc("John 3:16") + "&translations=KJV",
                "traceparent", "00-" + traceId + "-" + callerSpan + "-01");
        assertThat(answer.status()).isEqualTo(200);

        List<ReceivedSpan> spans = traces.awaitTrace(traceId, found -> has(found, "gospelib-content", "SPAN_KIND_SERVER")
                && has(found, "gospelib-gateway", "SPAN_KIND_SERVER"), Duration.ofSeconds(30));
        ReceivedSpan gateway = only(spans, "gospelib-gateway", "SPAN_KIND_SERVER");
        assertThat(gateway.parentSpanId()).as("the gateway continues the caller's trace").isEqualTo(callerSpan);
        ReceivedSpan content = only(spans, "gospelib-content", "SPAN_KIND_SERVER");
        ReceivedSpan call = byId(spans, content.parentSpanId());
        assertThat(call.service() + " " + call.kind()).as("content's parent: the gateway's call")
                .isEqualTo("gospelib-gateway SPAN_KIND_CLIENT");
        assertThat(ancestors(spans, call)).as("the call is made inside the gateway's handling of the request").contains(gateway);
    }

    @Test
    void aNoteWrittenIsOneTraceThroughItsEventOnPubSub() throws Exception {
        String auth = signUpAndIn();
        String traceId = randomHex(16);
        Http.Response created = gospelib().postJson("/v1/me/notes", "{\"ref\":\"Ps 23:1\",\"body\":\"traced\"}",
                "Authorization", auth, "traceparent", "00-" + traceId + "-" + randomHex(8) + "-01");
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        // study publishes the note's event to its topic in the request's trace; the notifications
        // service receives it in a span of that trace, the child of study's handling of the request
        // each process exports its spans in its own batches: wait until the chain has arrived whole
        List<ReceivedSpan> spans = traces.awaitTrace(traceId, found -> found.stream().filter(s -> s.name().equals("receive gospelib.study"))
                .anyMatch(s -> ancestors(found, s).stream().map(ReceivedSpan::service).toList().contains("gospelib-gateway")),
                Duration.ofSeconds(60));
        ReceivedSpan received = spans.stream().filter(s -> s.name().equals("receive gospelib.study")).findFirst()
                .orElseThrow(() -> new AssertionError("the note's event was not received in its trace: " + spans));
        assertThat(received.service() + " " + received.kind()).isEqualTo("gospelib-notifications SPAN_KIND_CONSUMER");
        assertThat(ancestors(spans, received)).extracting(ReceivedSpan::service)
                .containsSubsequence("gospelib-notifications", "gospelib-study", "gospelib-gateway");
    }

    private static boolean has(List<ReceivedSpan> spans, String service, String kind) {
        return spans.stream().anyMatch(s -> s.service().equals(service) && s.kind().equals(kind));
    }

    private static ReceivedSpan only(List<ReceivedSpan> spans, String service, String kind) {
        List<ReceivedSpan> found = spans.stream().filter(s -> s.service().equals(service) && s.kind().equals(kind)).toList();
        assertThat(found).as(service + " " + kind + " in " + spans).hasSize(1);
        return found.getFirst();
    }

    private static ReceivedSpan byId(List<ReceivedSpan> spans, String id) {
        return spans.stream().filter(s -> s.spanId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no span " + id + " in " + spans));
    }

    /** The span and its parents within the trace, nearest first, as far as they were received. */
    private static List<ReceivedSpan> ancestors(List<ReceivedSpan> spans, ReceivedSpan span) {
        List<ReceivedSpan> chain = new ArrayList<>();
        for (ReceivedSpan at = span; at != null && !chain.contains(at); ) {
            chain.add(at);
            String parent = at.parentSpanId();
            at = spans.stream().filter(s -> s.spanId().equals(parent)).findFirst().orElse(null);
        }
        return chain;
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /**
     * A sign-up's verification email crosses the deployment: identity publishes the request (no
     * secret in it) on its topic, the notifications service queues the job, a worker runs it,
     * asks identity for the link over the internal API, and sends the email; the link verifies
     * the address through the gateway.
     */
    @Test
    void aSignUpsVerificationEmailIsSentByAWorkerWithALinkIdentityMinted() throws Exception {
        String email = "split-mail-" + java.util.UUID.randomUUID() + "@example.test";
        Http.Response up = gospelib().postJson("/v1/auth/signup", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        org.gospelib.notifications.Mailbox mailbox = new org.gospelib.notifications.Mailbox(split.dataDir("worker").resolve("mailbox"));
        org.gospelib.notifications.Mailbox.Mail mail = mailbox.await(email, m -> m.subject().equals("Confirm your email address"),
                Duration.ofSeconds(60));
        Http.Response verified = gospelib().postJson("/v1/auth/email-verification/confirm", "{\"token\":\"" + mail.token() + "\"}");
        assertThat(verified.status()).as(verified.body()).isEqualTo(204);
        Http.Response token = gospelib().postJson("/v1/auth/token", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        Http.Response me = gospelib().get("/v1/me", "Authorization", "Bearer " + token.json().path("accessToken").asString());
        assertThat(me.json().path("emailVerified").asBoolean()).isTrue();
    }

    @Test
    void eachServiceIsReadyByWhatItAnswersFrom() {
        // content answers from memory: a short database outage does not take it out of service
        JsonNode content = new Http(split.port("content-a")).get("/readyz").json().path("components");
        assertThat(content.has("snapshot")).isTrue();
        assertThat(content.has("search")).isTrue();
        assertThat(content.has("db")).isFalse();
        JsonNode study = new Http(split.port("study")).get("/readyz").json().path("components");
        assertThat(study.has("db")).isTrue();
        assertThat(study.has("snapshot")).as("study holds no corpus").isFalse();
        JsonNode gateway = new Http(split.port("gateway")).get("/readyz").json().path("components");
        assertThat(gateway.has("db")).isFalse();
    }

    @Test
    @Order(Integer.MAX_VALUE - 1)
    void aContentReplicaServesFromMemoryThroughADatabaseOutage() throws Exception {
        Http contentA = new Http(split.port("content-a"));
        contentADatabase.cut();
        try {
            // long enough for its database work (the corpus version poll, the outbox) to have failed
            Thread.sleep(3_000);
            assertThat(contentA.get("/readyz").status()).as("content-a without its database").isEqualTo(200);
            for (int i = 1; i <= 20; i++) {
                // the gateway alternates between the replicas: half of these are content-a's
                assertThat(gospelib().get("/v1/verses/John.3." + i).status()).isEqualTo(200);
                assertThat(gospelib().get("/v1/search?q=love+one+another&translation=KJV&limit=3").status()).isEqualTo(200);
            }
        } finally {
            contentADatabase.restore();
        }
        assertThat(contentA.get("/readyz").status()).isEqualTo(200);
        assertThat(split.log("content-a")).content().doesNotContain("OutOfMemoryError");
    }

    @Test
    @Order(Integer.MAX_VALUE) // last: one content replica stays down afterwards
    void losingAContentReplicaLosesNoRequest() throws Exception {
        ExecutorService readers = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int verse = 1 + i % 30;
                statuses.add(readers.submit(() -> gospelib().get("/v1/verses/Ps.119." + verse).status()));
                if (i == 100) split.kill("content-b");
            }
            List<Integer> answered = new ArrayList<>();
            for (Future<Integer> status : statuses) answered.add(status.get());
            assertThat(answered).as("every read answered though a replica died mid-run").containsOnly(200);
        } finally {
            readers.shutdownNow();
        }
    }
}
