package org.gospelib.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.Map;
import java.util.Optional;
import org.gospelib.audit.AuditEntry;
import org.gospelib.audit.AuditLog;
import org.gospelib.audit.AuditTrail;
import org.gospelib.audit.AuditedChange;
import org.gospelib.support.Http;
import org.gospelib.support.Readers;
import org.gospelib.support.RunningApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The operators' console and the admin API behind it, in the running application: what an
 * operator does to a reader, that every change is in the audit log, that the console is not there
 * for anyone else, and that a change made with the session cookie needs its CSRF token.
 */
class ConsoleTests extends RunningApplication {

    @Autowired
    AuditLog audit;
    @Autowired
    AuditTrail trail;
    @Autowired
    TransactionTemplate transactions;

    static final List<String> PAGES = List.of("/admin", "/admin/readers", "/admin/readers?q=x", "/admin/readers/" + UUID.randomUUID(),
            "/admin/work", "/admin/deliveries", "/admin/corpus", "/admin/traffic", "/admin/subscriptions", "/admin/keys", "/admin/audit");
    static final String HTML = "text/html,application/xhtml+xml";

    /** A session: its cookie and the CSRF token bound to it. */
    record Session(String cookie, String csrf) {
    }

    Session session(String email) {
        Http.Response started = http.postJson("/v1/auth/session", "{\"email\":\"" + email + "\",\"password\":\"" + Readers.PASSWORD + "\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String cookie = started.headers("Set-Cookie").stream().filter(c -> c.startsWith("__Host-gospelib-session"))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        return new Session(cookie, started.json().path("csrfToken").asString());
    }

    String id(String bearer) {
        return http.get("/v1/me", "Authorization", bearer).json().path("id").asString();
    }

    @Test
    void anOperatorLocksUnlocksPromotesAndDeletesAReaderAndEveryChangeIsAudited() {
        String admin = Readers.admin(http);
        String email = Readers.signUp(http);
        String readerToken = Readers.bearer(http, email);
        String id = id(readerToken);
        Session readerSession = session(email);
        String refresh = http.postJson("/v1/auth/token", "{\"email\":\"" + email + "\",\"password\":\"" + Readers.PASSWORD + "\"}")
                .json().path("refreshToken").asString();

        // found by part of the email, with the sign-ins counted
        String part = email.substring(7, 20).toUpperCase();
        JsonNode found = http.get("/v1/admin/users?q=" + Http.enc(part), "Authorization", admin).json().get("readers");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("id").asString()).isEqualTo(id);
        assertThat(found.get(0).get("signIns").asInt()).isEqualTo(3);
        JsonNode detail = http.get("/v1/admin/users/" + id, "Authorization", admin).json();
        assertThat(detail.get("webSessions").asInt()).isEqualTo(1);
        assertThat(detail.get("signedInApps").asInt()).isEqualTo(2);
        assertThat(detail.has("lockedAt")).isFalse();

        // locked: no sign-in, the session and the refresh tokens end at once
        Http.Response locked = http.send("POST", "/v1/admin/users/" + id + "/lock", "", "Authorization", admin);
        assertThat(locked.status()).as(locked.body()).isEqualTo(200);
        assertThat(locked.json().has("lockedAt")).isTrue();
        assertThat(locked.json().get("webSessions").asInt()).isZero();
        assertThat(locked.json().get("signedInApps").asInt()).isZero();
        assertThat(http.get("/v1/me", "Cookie", readerSession.cookie()).status()).isEqualTo(401);
        assertProblem(http.postJson("/v1/auth/token", "{\"email\":\"" + email + "\",\"password\":\"" + Readers.PASSWORD + "\"}"), 403,
                "account-locked");
        assertThat(http.postJson("/v1/auth/refresh", "{\"refreshToken\":\"" + refresh + "\"}").status()).isEqualTo(401);

        // unlocked: the reader signs in again
        assertThat(http.send("POST", "/v1/admin/users/" + id + "/unlock", "", "Authorization", admin).status()).isEqualTo(200);
        String again = Readers.bearer(http, email);

        // promoted: a new token carries the role; a role that does not exist is a problem
        assertProblem(http.send("PUT", "/v1/admin/users/" + id + "/role", "{\"role\":\"owner\"}", "Authorization", admin,
                "Content-Type", "application/json"), 400, "invalid-parameter");
        Http.Response promoted = http.send("PUT", "/v1/admin/users/" + id + "/role", "{\"role\":\"admin\"}", "Authorization", admin,
                "Content-Type", "application/json");
        assertThat(promoted.status()).as(promoted.body()).isEqualTo(200);
        assertThat(promoted.json().get("roles").toString()).contains("admin");
        assertThat(http.get("/v1/admin/jobs", "Authorization", again).status()).isEqualTo(404);
        assertThat(http.get("/v1/admin/jobs", "Authorization", Readers.bearer(http, email)).status()).isEqualTo(200);
        // an operator cannot change their own role
        assertProblem(http.send("PUT", "/v1/admin/users/" + id(admin) + "/role", "{\"role\":\"user\"}", "Authorization", admin,
                "Content-Type", "application/json"), 409, "own-account");

        // the reader's history, newest first, with the state before and after each change
        JsonNode history = http.get("/v1/admin/audit?target=reader:" + id, "Authorization", admin).json().get("entries");
        List<String> actions = new ArrayList<>();
        history.forEach(e -> actions.add(e.get("action").asString()));
        assertThat(actions).containsExactly("reader.role", "reader.unlock", "reader.lock");
        JsonNode lock = history.get(2);
        assertThat(lock.get("actor").asString()).isEqualTo(id(admin));
        assertThat(lock.get("before").get("locked").asBoolean()).isFalse();
        assertThat(lock.get("before").get("webSessions").asInt()).isEqualTo(1);
        assertThat(lock.get("after").get("locked").asBoolean()).isTrue();
        assertThat(lock.get("after").get("webSessions").asInt()).isZero();
        assertThat(history.get(0).get("before").get("role").asString()).isEqualTo("user");
        assertThat(history.get(0).get("after").get("role").asString()).isEqualTo("admin");

        // deleted with the cascade of a reader's own deletion: the account, its data, its sign-ins
        assertThat(http.postJson("/v1/me/notes", "{\"ref\":\"John 3:16\",\"body\":\"kept until deleted\"}", "Authorization", again)
                .status()).isEqualTo(201);
        assertThat(http.send("DELETE", "/v1/admin/users/" + id, "", "Authorization", admin).status()).isEqualTo(204);
        assertThat(http.get("/v1/admin/users/" + id, "Authorization", admin).status()).isEqualTo(404);
        assertThat(http.send("DELETE", "/v1/admin/users/" + id, "", "Authorization", admin).status()).isEqualTo(404);
        JsonNode deletion = http.get("/v1/admin/audit?target=reader:" + id, "Authorization", admin).json().get("entries").get(0);
        assertThat(deletion.get("action").asString()).isEqualTo("reader.delete");
        assertThat(deletion.get("before").get("email").asString()).isEqualTo(email);
        assertThat(deletion.has("after")).isFalse();
    }

    @Test
    void toAReaderTheConsoleAndTheOperatorsApiAreNotThere() {
        String email = Readers.signUp(http);
        String reader = Readers.bearer(http, email);
        Session session = session(email);
        Http.Response nothing = http.get("/admin-nothing-here", "Accept", HTML, "Cookie", session.cookie());
        assertThat(nothing.status()).isEqualTo(404);
        for (String page : PAGES) {
            for (String[] who : new String[][] {{"Cookie", session.cookie()}, {"Authorization", reader}, {"X-Anonymous", "1"}}) {
                Http.Response answer = http.get(page, "Accept", HTML, who[0], who[1]);
                assertThat(answer.status()).as(page + " " + who[0]).isEqualTo(404);
                // the very page of an address nothing serves: nothing tells the console is there
                assertThat(answer.body()).as(page).isEqualTo(nothing.body());
            }
            assertThat(http.get(page, "Authorization", reader).header("Content-Type")).as(page).startsWith("application/problem+json");
        }
        String someone = UUID.randomUUID().toString();
        for (String[] call : new String[][] {{"GET", "/v1/admin/users?q=a"}, {"GET", "/v1/admin/users/" + someone},
            {"POST", "/v1/admin/users/" + someone + "/lock"}, {"PUT", "/v1/admin/users/" + someone + "/role"},
            {"DELETE", "/v1/admin/users/" + someone}, {"GET", "/v1/admin/audit"}, {"GET", "/v1/admin/ingest"},
            {"POST", "/v1/admin/ingest"}, {"GET", "/v1/admin/jobs"}, {"GET", "/v1/admin/outbox"}, {"GET", "/v1/admin/keys"},
            {"POST", "/v1/admin/keys/rotate"}, {"GET", "/v1/admin/webhooks"}, {"POST", "/v1/admin/webhooks/" + someone + "/disable"},
            {"GET", "/v1/admin/notifications/deliveries"}, {"GET", "/v1/admin/corpus"}, {"GET", "/v1/admin/search"},
            {"GET", "/v1/admin/traffic"}, {"GET", "/v1/admin/sign-ups"}, {"GET", "/v1/admin/billing/subscriptions"}}) {
            assertProblem(http.send(call[0], call[1], "{}", "Authorization", reader, "Content-Type", "application/json"), 404, "not-found");
            assertProblem(http.send(call[0], call[1], "{}", "Content-Type", "application/json"), 404, "not-found");
        }
        // and to an operator the pages are there, never cached
        Session operator = session(Readers.ADMIN_EMAIL);
        for (String page : PAGES) {
            Http.Response answer = http.get(page, "Accept", HTML, "Cookie", operator.cookie());
            assertThat(answer.status()).as(page).isEqualTo(200);
            assertThat(answer.header("Cache-Control")).as(page).contains("no-store");
            assertThat(answer.body()).contains("GospeLib console").contains("/js/console-");
        }
        assertThat(http.get("/admin/readers/not-a-uuid", "Accept", HTML, "Cookie", operator.cookie()).status()).isEqualTo(404);
    }

    @Test
    void everyChangeMadeWithTheSessionCookieNeedsItsCsrfToken() {
        Readers.admin(http);
        Session operator = session(Readers.ADMIN_EMAIL);
        String email = Readers.signUp(http);
        String id = id(Readers.bearer(http, email));
        String admin = Readers.admin(http);
        int before = http.get("/v1/admin/audit?limit=200", "Authorization", admin).json().get("entries").size();
        long newest = newest(admin);
        for (String[] call : new String[][] {{"POST", "/v1/admin/users/" + id + "/lock"}, {"POST", "/v1/admin/users/" + id + "/unlock"},
            {"POST", "/v1/admin/users/" + id + "/end-sessions"}, {"PUT", "/v1/admin/users/" + id + "/role"},
            {"DELETE", "/v1/admin/users/" + id}, {"POST", "/v1/admin/ingest?mode=incremental"}, {"POST", "/v1/admin/jobs/dead/1/retry"},
            {"DELETE", "/v1/admin/jobs/dead/1"}, {"POST", "/v1/admin/outbox/" + UUID.randomUUID() + "/resubmit"},
            {"POST", "/v1/admin/jobs/executor/pause"}, {"POST", "/v1/admin/jobs/executor/resume"}, {"POST", "/v1/admin/keys/rotate"},
            {"POST", "/v1/admin/webhooks/" + UUID.randomUUID() + "/disable"},
            {"POST", "/v1/admin/webhooks/" + UUID.randomUUID() + "/messages/msg_x/replay"}}) {
            for (String token : new String[] {null, "", "csrf_wrong", operator.csrf() + "x"}) {
                List<String> headers = new ArrayList<>(List.of("Cookie", operator.cookie(), "Content-Type", "application/json"));
                if (token != null) headers.addAll(List.of("X-CSRF-Token", token));
                Http.Response refused = http.send(call[0], call[1], "{\"role\":\"admin\"}", headers.toArray(String[]::new));
                assertProblem(refused, 403, "csrf-token-invalid");
            }
        }
        // nothing changed, nothing was recorded
        JsonNode reader = http.get("/v1/admin/users/" + id, "Authorization", admin).json();
        assertThat(reader.has("lockedAt")).isFalse();
        assertThat(reader.get("roles").toString()).doesNotContain("admin");
        assertThat(newest(admin)).isEqualTo(newest);
        assertThat(before).isPositive();
        // with the token, the change is made and recorded
        Http.Response lock = http.send("POST", "/v1/admin/users/" + id + "/lock", "", "Cookie", operator.cookie(), "X-CSRF-Token",
                operator.csrf());
        assertThat(lock.status()).as(lock.body()).isEqualTo(200);
        assertThat(newest(admin)).isGreaterThan(newest);
    }

    @Test
    void theAuditLogPagesAndRefusesWhatItCannotRead() {
        String admin = Readers.admin(http);
        for (int i = 0; i < 3; i++) {
            String id = id(Readers.bearer(http, Readers.signUp(http)));
            http.send("POST", "/v1/admin/users/" + id + "/end-sessions", "", "Authorization", admin);
        }
        JsonNode first = http.get("/v1/admin/audit?limit=2", "Authorization", admin).json();
        assertThat(first.get("entries")).hasSize(2);
        long next = first.get("next").asLong();
        JsonNode second = http.get("/v1/admin/audit?limit=2&before=" + next, "Authorization", admin).json();
        assertThat(second.get("entries").get(0).get("id").asLong()).isLessThan(next);
        for (String bad : List.of("limit=0", "limit=201", "limit=ten", "before=x", "target=" + "t".repeat(201))) {
            assertProblem(http.get("/v1/admin/audit?" + bad, "Authorization", admin), 400, "invalid-parameter");
        }
        assertProblem(http.get("/v1/admin/users?limit=0", "Authorization", admin), 400, "invalid-parameter");
        assertProblem(http.get("/v1/admin/users/not-a-uuid", "Authorization", admin), 404, "not-found");
        // wildcards are text: "%" finds only an email or name that holds one
        assertThat(http.get("/v1/admin/users?q=%25", "Authorization", admin).json().get("readers")).isEmpty();
    }

    @Test
    void anOperatorSeesTheCorpusTheIndexesTheKeysAndTheSignUpsAndRotatesTheKeys() {
        String admin = Readers.admin(http);
        JsonNode corpus = http.get("/v1/admin/corpus", "Authorization", admin).json();
        assertThat(corpus.get("loaded").asBoolean()).isTrue();
        assertThat(corpus.get("translations").toString()).contains("\"KJV\"");
        assertThat(corpus.get("graph").get("edges").asInt()).isPositive();
        assertThat(corpus.get("graph").get("onHeap").asBoolean()).isFalse();
        // a corpus answer asked twice is kept once: a miss then a hit
        long hits = corpus.get("answerCache").get("hits").asLong();
        http.get("/v1/verses/Ruth.1.1");
        http.get("/v1/verses/Ruth.1.1");
        assertThat(http.get("/v1/admin/corpus", "Authorization", admin).json().get("answerCache").get("hits").asLong())
                .isGreaterThan(hits);
        JsonNode indexes = http.get("/v1/admin/search", "Authorization", admin).json().get("indexes");
        assertThat(indexes.toString()).contains("\"translation\":\"KJV\"").contains("\"open\":true");

        int before = http.get("/v1/admin/sign-ups?days=7", "Authorization", admin).json().get("days").get(6).get("accounts").asInt();
        Readers.signUp(http);
        JsonNode days = http.get("/v1/admin/sign-ups?days=7", "Authorization", admin).json().get("days");
        assertThat(days).hasSize(7);
        assertThat(days.get(6).get("accounts").asInt()).isEqualTo(before + 1);
        for (String bad : List.of("0", "367", "x")) {
            assertProblem(http.get("/v1/admin/sign-ups?days=" + bad, "Authorization", admin), 400, "invalid-parameter");
        }

        JsonNode keys = http.get("/v1/admin/keys", "Authorization", admin).json();
        assertThat(keys.get("keys").toString()).contains("\"phase\":\"SIGNING\"");
        Http.Response rotated = http.send("POST", "/v1/admin/keys/rotate", "", "Authorization", admin);
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(202);
        JsonNode newest = rotated.json().get("keys").get(0);
        assertThat(newest.get("phase").asString()).isEqualTo("WAITING");
        // the key that signs keeps signing until every replica has the new one: the token still works
        assertThat(http.get("/v1/admin/keys", "Authorization", admin).status()).isEqualTo(200);
        JsonNode entry = http.get("/v1/admin/audit?target=signing-keys", "Authorization", admin).json().get("entries").get(0);
        assertThat(entry.get("action").asString()).isEqualTo("keys.rotate");
        assertThat(entry.get("after").get(0).get("kid").asString()).isEqualTo(newest.get("kid").asString());
    }

    @Test
    void anOperatorReadsNotificationDeliveriesAndTheFailingOnesAlone() {
        String admin = Readers.admin(http);
        JsonNode all = http.get("/v1/admin/notifications/deliveries", "Authorization", admin).json().get("deliveries");
        JsonNode failed = http.get("/v1/admin/notifications/deliveries?status=failed", "Authorization", admin).json().get("deliveries");
        assertThat(failed.size()).isLessThanOrEqualTo(all.size());
        failed.forEach(d -> assertThat(d.get("status").asString()).isEqualTo("failed"));
        assertProblem(http.get("/v1/admin/notifications/deliveries?status=lost", "Authorization", admin), 400, "invalid-parameter");
    }

    @Test
    void anAuditEntryIsKeptOnlyWithItsChange() {
        String target = "test:" + UUID.randomUUID();
        // a change that rolls back takes its entry with it
        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
            audit.record(AuditedChange.action("someone", "test.change", target, Map.of("n", 1)));
            throw new IllegalStateException("the change failed");
        })).hasMessage("the change failed");
        assertThat(trail.entries(Optional.of(target), Optional.empty(), 10)).isEmpty();
        // an entry outside any change's transaction is refused
        assertThatThrownBy(() -> audit.record(AuditedChange.action("someone", "test.change", target, Map.of("n", 2))))
                .isInstanceOf(IllegalTransactionStateException.class);
        transactions.executeWithoutResult(tx -> audit.record(AuditedChange.of("someone", "test.change", target, Map.of("n", 3),
                Map.of("n", 4))));
        List<AuditEntry> kept = trail.entries(Optional.of(target), Optional.empty(), 10);
        assertThat(kept).hasSize(1);
        assertThat(kept.getFirst().before()).contains("{\"n\": 3}");
        assertThat(kept.getFirst().after()).contains("{\"n\": 4}");
    }

    private long newest(String admin) {
        return http.get("/v1/admin/audit?limit=1", "Authorization", admin).json().get("entries").get(0).get("id").asLong();
    }

    static void assertProblem(Http.Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).endsWith("/" + type);
    }
}
