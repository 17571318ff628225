package org.gospelib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gospelib.support.Http.enc;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.gospelib.billing.LocalStripe;
import org.gospelib.platform.WebhookSignature;
import org.gospelib.support.Http;
import org.gospelib.support.Readers;
import org.gospelib.support.RunningApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * What a reader does, over HTTP only, against whatever topology {@link #gospelib()} is: reading,
 * search, the graph, reference works, signing up and in, study data and its sync, a webhook for
 * it, the pages, deleting the account, and the problems bad input gets. The same tests run
 * against the collapsed process and against the split services, so the split may not change a
 * single answer.
 */
abstract class EndToEndSuite extends RunningApplication {

    static final String PASSWORD = "a long enough passphrase";

    @Autowired
    DataSource dataSource;

    /** The front door of the topology under test. */
    abstract Http gospelib();

    /** The database the topology under test writes to (the test application's, unless it has its own). */
    DataSource database() {
        return dataSource;
    }

    @Test
    void readsAPassageInTwoTranslations() {
        Http.Response response = gospelib().get("/v1/passages?ref=" + enc("John 3:16-18") + "&translations=KJV,WEB");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("For God so loved the world", "\"WEB\"");
        Http.Response verse = gospelib().get("/v1/verses/John.3.16");
        assertThat(verse.status()).isEqualTo(200);
        assertThat(verse.header("ETag")).isNotBlank();
        assertThat(gospelib().get("/v1/verses/John.3.16", "If-None-Match", verse.header("ETag")).status()).isEqualTo(304);
    }

    @Test
    void searchesAndFollowsTheGraphAndTheReferenceWorks() {
        JsonNode search = gospelib().get("/v1/search?q=" + enc("love one another") + "&translation=KJV&limit=5").json();
        assertThat(search.path("total").asInt()).isPositive();
        assertThat(search.path("hits").get(0).path("highlight").asString()).contains("<mark>");
        JsonNode graph = gospelib().get("/v1/graph/neighbours?node=verse:John.3.16&nodes=50&fan-out=20").json();
        assertThat(graph.path("nodes").size()).isGreaterThan(5);
        Http.Response lemma = gospelib().get("/v1/lemmas/G26");
        assertThat(lemma.status()).isEqualTo(200);
        assertThat(lemma.body()).containsIgnoringCase("ἀγάπη");
        assertThat(gospelib().get("/v1/verses/John.3.16/related?limit=5").json().path("related").size()).isPositive();
    }

    @Test
    void badInputGetsTheSameProblemsEverywhere() {
        assertProblem(gospelib().get("/v1/passages?ref=" + enc("Hezekiah 3:16")), 400, "bad-reference");
        assertProblem(gospelib().get("/v1/verses/Jude.1.99"), 404, "verse-out-of-range");
        assertProblem(gospelib().get("/v1/search?q=love&limit=1000"), 400, "invalid-filter");
        assertProblem(gospelib().get("/v1/me/notes"), 401, "authentication-required");
        assertProblem(gospelib().get("/v1/me", "Authorization", "Bearer not.a.token"), 401, "invalid-token");
        assertProblem(gospelib().get("/v1/nothing-here"), 404, "not-found");
    }

    @Test
    void signsUpKeepsNotesSyncsThemAndTheirWebhookFires() throws Exception {
        List<String> deliveries = new CopyOnWriteArrayList<>();
        List<Map<String, String>> headers = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            deliveries.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            headers.add(Map.of("id", exchange.getRequestHeaders().getFirst("webhook-id"),
                    "timestamp", exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    "signature", exchange.getRequestHeaders().getFirst("webhook-signature")));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String auth = signUpAndIn();
            JsonNode endpoint = gospelib().postJson("/v1/me/webhooks", "{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort()
                    + "/hook\",\"eventTypes\":[\"study.note.created\"]}", "Authorization", auth).json();
            String secret = endpoint.path("secret").asString();
            assertThat(secret).startsWith("whsec_");

            Http.Response created = gospelib().postJson("/v1/me/notes", "{\"ref\":\"Ps 23:1\",\"body\":\"The Lord is my shepherd\"}",
                    "Authorization", auth);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String id = created.json().path("id").asString();
            assertThat(gospelib().get("/v1/me/notes", "Authorization", auth).json().path("notes").get(0).path("id").asString()).isEqualTo(id);
            JsonNode sync = gospelib().get("/v1/me/sync?since=0", "Authorization", auth).json();
            assertThat(sync.path("changes").get(0).path("id").asString()).isEqualTo(id);

            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (deliveries.isEmpty() && System.nanoTime() < deadline) Thread.sleep(200);
            assertThat(deliveries).as("the note's webhook").isNotEmpty();
            assertThat(deliveries.getFirst()).contains("study.note.created", id, "Ps.23.1");
            Map<String, String> signed = headers.getFirst();
            WebhookSignature.forSecret(secret).verify(signed.get("id"), signed.get("timestamp"), signed.get("signature"),
                    deliveries.getFirst().getBytes(StandardCharsets.UTF_8), Instant.now());
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void pagesReadWithTheCorpusAndTheReferenceWorks() {
        Http.Response chapter = gospelib().get("/read/KJV/John/3");
        assertThat(chapter.status()).isEqualTo(200);
        assertThat(chapter.body()).contains("For God so loved the world");
        Http.Response withStrongs = gospelib().get("/read/KJV/John/3?strongs=true");
        assertThat(withStrongs.status()).isEqualTo(200);
        assertThat(withStrongs.body()).contains("G2316"); // θεός, "God", with its gloss from the lexicon
        Http.Response panel = gospelib().get("/read/KJV/John/3/16/panel");
        assertThat(panel.status()).isEqualTo(200);
        Http.Response search = gospelib().get("/search?q=" + enc("shepherd"));
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.body()).contains("shepherd");
        assertThat(gospelib().get("/lemmas/G26").status()).isEqualTo(200);
        assertThat(gospelib().get("/read/KJV/John/99").status()).isEqualTo(404);
    }

    @Test
    void aWebSessionSignsInAndTheCookieCarriesTheReader() {
        String email = "e2e-" + UUID.randomUUID() + "@example.test";
        assertThat(gospelib().postJson("/v1/auth/signup", signUp(email)).status()).isEqualTo(201);
        Http.Response session = gospelib().postJson("/v1/auth/session", credentials(email));
        assertThat(session.status()).isEqualTo(200);
        String cookie = session.headers("Set-Cookie").stream().filter(c -> c.startsWith("__Host-gospelib-session"))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        String csrf = session.json().path("csrfToken").asString();
        assertThat(gospelib().get("/v1/me", "Cookie", cookie).json().path("email").asString()).isEqualTo(email);
        assertProblem(gospelib().postJson("/v1/me/notes", "{\"ref\":\"Gen 1:1\",\"body\":\"x\"}", "Cookie", cookie), 403,
                "csrf-token-invalid");
        assertThat(gospelib().postJson("/v1/me/notes", "{\"ref\":\"Gen 1:1\",\"body\":\"x\"}", "Cookie", cookie,
                "X-CSRF-Token", csrf).status()).isEqualTo(201);
        assertThat(gospelib().get("/me/notes", "Cookie", cookie).status()).isEqualTo(200);
    }

    @Test
    void deletingTheAccountDeletesItsStudyData() throws InterruptedException {
        String auth = signUpAndIn();
        String me = gospelib().get("/v1/me", "Authorization", auth).json().path("id").asString();
        assertThat(gospelib().postJson("/v1/me/highlights", "{\"ref\":\"John 1:1\",\"colour\":\"yellow\"}", "Authorization", auth)
                .status()).isEqualTo(201);
        assertThat(studyItems(me)).isEqualTo(1);
        assertThat(gospelib().send("DELETE", "/v1/me", (String) null, "Authorization", auth).status()).isEqualTo(204);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (studyItems(me) > 0 && System.nanoTime() < deadline) Thread.sleep(200);
        assertThat(studyItems(me)).as("study data of a deleted account").isZero();
    }

    /**
     * A reader asks the study assistant (split: the study service, which reads the corpus through
     * content's API): the answer streams as events, its citations checked against the text, and is
     * kept among the reader's questions.
     */
    @Test
    void theAssistantAnswersFromTheCorpusWithItsCitationsChecked() {
        String auth = signUpAndIn();
        Http.Response r = gospelib().send("POST", "/v1/assistant/questions",
                "{\"question\":\"What does the Bible say about forgiving one another?\",\"translation\":\"WEB\"}",
                "Authorization", auth, "Content-Type", "application/json", "Accept", "text/event-stream");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/event-stream");
        assertThat(r.body()).contains("event:sources", "event:part", "event:done", "\"status\":\"verified\"")
                .doesNotContain("\"status\":\"removed\"", "\"status\":\"misquoted\"", "event:error");
        Http.Response mine = gospelib().get("/v1/assistant/questions", "Authorization", auth);
        assertThat(mine.status()).as(mine.body()).isEqualTo(200);
        assertThat(mine.json().path("exchanges").size()).isEqualTo(1);
        assertProblem(gospelib().send("POST", "/v1/assistant/questions", "{\"question\":\"What is love?\"}",
                "Content-Type", "application/json"), 401, "authentication-required");
    }

    /**
     * A reader asks for a printable export and gets it through a signed link (split: the study
     * service queues it, a worker has the study service build it and stores it in the bucket, the
     * link is the bucket's presigned URL); a verse's share card is drawn once and served as immutable.
     */
    @Test
    void aReaderExportsTheirNotesAndSharesAVerse() throws Exception {
        String auth = signUpAndIn();
        assertThat(gospelib().postJson("/v1/me/notes", "{\"ref\":\"John 3:16\",\"body\":\"el amor de Dios\"}",
                "Authorization", auth).status()).isEqualTo(201);
        Http.Response asked = gospelib().postJson("/v1/me/exports", "{\"format\":\"pdf\"}", "Authorization", auth);
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        String location = asked.header("Location");
        JsonNode export = asked.json();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!export.path("status").asString().equals("ready")) {
            assertThat(System.nanoTime()).as("the export is built").isLessThan(deadline);
            Thread.sleep(200);
            export = gospelib().get(location, "Authorization", auth).json();
        }
        String link = export.path("download").path("url").asString();
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.URI url = link.startsWith("/") ? java.net.URI.create(gospelib().base() + link) : java.net.URI.create(link);
        var pdf = client.send(java.net.http.HttpRequest.newBuilder(url).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        var tampered = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url.toString().replace("exports/",
                "exports/x"))).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(tampered.statusCode()).isEqualTo(403);

        Http.Response card = gospelib().get("/v1/images/verses/KJV/John.3.16.png?design=night");
        assertThat(card.status()).isEqualTo(303);
        Http.Response drawn = gospelib().get(card.header("Location"));
        assertThat(drawn.status()).isEqualTo(200);
        assertThat(drawn.header("Content-Type")).isEqualTo("image/png");
        assertThat(drawn.header("Cache-Control")).contains("immutable");
    }

    /**
     * A reader subscribes: Stripe's webhook reaches billing (split: through the gateway to the
     * identity service), and within seconds the gateway lifts the rate limit of the token the reader
     * already holds (split: heard on the billing topic), so the free plan's 40 requests a minute no
     * longer stop them.
     */
    @Test
    void aSubscriptionLiftsTheRateLimitOfTheTokenAlreadyHeld() throws Exception {
        LocalStripe stripe = LocalStripe.shared();
        String auth = signUpAndIn();
        Http.Response checkout = gospelib().send("POST", "/v1/me/billing/checkout", "{\"price\":\"plus-monthly\"}",
                "Authorization", auth, "Content-Type", "application/json");
        assertThat(checkout.status()).as(checkout.body()).isEqualTo(200);
        String url = checkout.json().path("url").asString();
        String session = url.substring(url.lastIndexOf('/') + 1);
        stripe.completeCheckout(session);
        String event = stripe.event("checkout.session.completed", stripe.sessions.get(session));
        Http.Response delivered = gospelib().send("POST", "/v1/billing/webhooks/stripe", event, "Stripe-Signature",
                LocalStripe.signature(event, Instant.now(), LocalStripe.WEBHOOK_SECRET), "Content-Type", "application/json");
        assertThat(delivered.status()).as(delivered.body()).isEqualTo(200);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        int inARow = 0;
        while (inARow < 60) {
            Http.Response billing = gospelib().get("/v1/me/billing", "Authorization", auth);
            if (billing.status() == 200) {
                inARow++;
            } else {
                assertThat(billing.status()).as(billing.body()).isEqualTo(429);
                inARow = 0;
                Thread.sleep(200);
            }
            assertThat(System.nanoTime()).as("the plan reached the gateway within 20 s").isLessThan(deadline);
        }
        assertThat(gospelib().get("/v1/me/billing", "Authorization", auth).json().path("plan").asString()).isEqualTo("plus");
    }

    @Test
    void anOperatorLocksAReaderFromTheConsoleAndTheChangeIsAudited() {
        // the operator's account (the deployment names its email as an admin's); it may exist already
        gospelib().postJson("/v1/auth/signup", "{\"email\":\"" + Readers.ADMIN_EMAIL + "\",\"password\":\"" + Readers.PASSWORD + "\"}");
        Http.Response session = gospelib().postJson("/v1/auth/session",
                "{\"email\":\"" + Readers.ADMIN_EMAIL + "\",\"password\":\"" + Readers.PASSWORD + "\"}");
        assertThat(session.status()).as(session.body()).isEqualTo(200);
        String cookie = session.headers("Set-Cookie").stream().filter(c -> c.startsWith("__Host-gospelib-session"))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        String csrf = session.json().path("csrfToken").asString();
        // the console's page (web), with the caller the gateway vouched for
        Http.Response page = gospelib().get("/admin/readers", "Accept", "text/html", "Cookie", cookie);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("GospeLib console");

        String reader = signUpAndIn();
        String id = gospelib().get("/v1/me", "Authorization", reader).json().path("id").asString();
        assertThat(gospelib().get("/admin/readers", "Accept", "text/html", "Authorization", reader).status()).isEqualTo(404);
        assertProblem(gospelib().get("/v1/admin/users?q=e2e", "Authorization", reader), 404, "not-found");
        // identity finds and locks the reader; the audit log (read through web) has the change
        String email = gospelib().get("/v1/me", "Authorization", reader).json().path("email").asString();
        assertThat(gospelib().get("/v1/admin/users?q=" + Http.enc(email), "Cookie", cookie).json().path("readers").get(0)
                .path("id").asString()).isEqualTo(id);
        assertProblem(gospelib().send("POST", "/v1/admin/users/" + id + "/lock", "", "Cookie", cookie), 403, "csrf-token-invalid");
        Http.Response locked = gospelib().send("POST", "/v1/admin/users/" + id + "/lock", "", "Cookie", cookie, "X-CSRF-Token", csrf);
        assertThat(locked.status()).as(locked.body()).isEqualTo(200);
        assertProblem(gospelib().postJson("/v1/auth/token", credentials(email)), 403, "account-locked");
        var entry = gospelib().get("/v1/admin/audit?target=reader:" + id, "Cookie", cookie).json().path("entries").get(0);
        assertThat(entry.path("action").asString()).isEqualTo("reader.lock");
        assertThat(entry.path("after").path("locked").asBoolean()).isTrue();
        // the workers answer the ingest runs
        assertThat(gospelib().get("/v1/admin/ingest", "Cookie", cookie).status()).isEqualTo(200);
    }

    String signUpAndIn() {
        String email = "e2e-" + UUID.randomUUID() + "@example.test";
        Http.Response up = gospelib().postJson("/v1/auth/signup", signUp(email));
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        Http.Response token = gospelib().postJson("/v1/auth/token", credentials(email));
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        return "Bearer " + token.json().path("accessToken").asString();
    }

    private long studyItems(String userId) {
        return JdbcClient.create(database()).sql("select count(*) from study_item where user_id = ?::uuid").param(userId)
                .query(Long.class).single();
    }

    private static String signUp(String email) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"Reader\"}";
    }

    private static String credentials(String email) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}";
    }

    static void assertProblem(Http.Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("type").asString()).isEqualTo("https://gospelib.org/problems/" + type);
    }
}
