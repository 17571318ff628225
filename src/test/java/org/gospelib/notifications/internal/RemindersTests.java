package org.gospelib.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.gospelib.jobs.JobContext;
import org.gospelib.notifications.Mailbox;
import org.gospelib.support.Http;
import org.gospelib.support.RunningApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reminders end to end: a reader chooses what and when, follows a plan that has fallen behind,
 * and the sweep, run at their reminder's moment, sends each kind once, with a one-click
 * unsubscribe that works; bounces reported by a signed webhook stop mail to the address.
 */
class RemindersTests extends RunningApplication {

    static final String PASSWORD = "correct horse battery staple";
    static final String WEBHOOK_SECRET = "whsec_dGVzdCBzZWNyZXQgb2YgdGhlIGJvdW5jZSB3ZWJob29r";
    static final ZoneId MEXICO = ZoneId.of("America/Mexico_City");

    final Mailbox mailbox = new Mailbox(Path.of("target/test-data/mailbox"));

    @Autowired
    ReminderSweep sweep;
    @Autowired
    ReminderJob job;
    @Autowired
    JdbcClient jdbc;

    record Reader(String email, String bearer) {
    }

    Reader reader(boolean verified) {
        String email = "remind-" + UUID.randomUUID() + "@example.test";
        Http.Response created = http.postJson("/v1/auth/signup", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        if (verified) {
            Mailbox.Mail mail = mailbox.await(email, m -> m.subject().equals("Confirm your email address"));
            assertThat(http.postJson("/v1/auth/email-verification/confirm", "{\"token\":\"" + mail.token() + "\"}").status()).isEqualTo(204);
        }
        Http.Response token = http.postJson("/v1/auth/token", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        return new Reader(email, "Bearer " + token.json().get("accessToken").asString());
    }

    Http.Response setPreferences(Reader reader, String json) {
        return http.send("PUT", "/v1/me/notifications/preferences", json, "Authorization", reader.bearer(), "Content-Type",
                "application/json");
    }

    static String problemType(Http.Response response) {
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        return response.json().get("type").asString().replace("https://gospelib.org/problems/", "");
    }

    @Test
    void eachKindComesOnceAtTheReadersTimeWithAOneClickUnsubscribe() throws Exception {
        Reader reader = reader(true);
        Http.Response set = setPreferences(reader, """
                {"timeZone":"america/mexico_city","remindAt":"06:45","quietHours":{"start":"22:00","end":"06:00"},
                 "kinds":{"plan-reminder":{"email":true},"catch-up":{"email":true},"verse-of-the-day":{"email":true}}}""");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().get("timeZone").asString()).isEqualTo("America/Mexico_City");
        Instant due = Instant.parse(set.json().get("nextReminderAt").asString());
        assertThat(due.atZone(MEXICO).toLocalTime().toString()).isEqualTo("06:45");
        LocalDate day = due.atZone(MEXICO).toLocalDate();

        // a plan that started three days before the reminder's day: days 1 and 2 unread, day 3 due
        Http.Response enrolled = http.send("POST", "/v1/me/plans", "{\"plan\":\"bible-in-a-year\",\"startDate\":\"" + day.minusDays(2)
                + "\",\"timeZone\":\"America/Mexico_City\"}", "Authorization", reader.bearer(), "Content-Type", "application/json");
        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);

        assertThat(sweep.sweep(due)).isGreaterThanOrEqualTo(1);
        Mailbox.Mail plan = mailbox.await(reader.email(), m -> m.subject().equals("Today in your reading plan"));
        assertThat(plan.text()).contains("day 3 of 365", "Genesis");
        assertThat(plan.html()).contains("<li>");
        String oneClick = plan.message().getHeader("List-Unsubscribe")[0];
        assertThat(oneClick).startsWith("<http://localhost:8080/v1/notifications/unsubscribe?token=unsub_").endsWith("&kind=plan-reminder>");
        assertThat(plan.message().getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(plan.text()).contains("http://localhost:8080/notifications/unsubscribe?token=unsub_");
        Mailbox.Mail nudge = mailbox.await(reader.email(), m -> m.subject().equals("Catch up on your reading plan"));
        assertThat(nudge.text()).contains("2 days behind");
        Mailbox.Mail verse = mailbox.await(reader.email(), m -> m.subject().startsWith("Verse of the day: "));
        assertThat(verse.text()).contains("(WEB)", "/read/WEB/");

        // the sweep moved the reader to the next day; running the day's job again sends nothing again
        assertThat(sweep.sweep(due)).isZero();
        FileTime sent = Files.getLastModifiedTime(plan.file());
        UUID user = jdbc.sql("select id from app_user where email = ?").param(reader.email()).query(UUID.class).single();
        job.handle(new ReminderJob.Reminder(user, day), context());
        assertThat(Files.getLastModifiedTime(plan.file())).isEqualTo(sent);
        assertThat(jdbc.sql("select count(*) from notification_delivery where user_id = ? and kind = 'plan-reminder'").param(user)
                .query(Integer.class).single()).isEqualTo(1);

        // one click, as a mail program posts it: no session, the form body of RFC 8058
        String url = oneClick.substring(1, oneClick.length() - 1).replace("http://localhost:8080", "");
        Http.Response unsubscribed = http.send("POST", url, "List-Unsubscribe=One-Click", "Content-Type",
                "application/x-www-form-urlencoded");
        assertThat(unsubscribed.status()).as(unsubscribed.body()).isEqualTo(200);
        assertThat(unsubscribed.json().get("stillEmailed").toString()).doesNotContain("plan-reminder").contains("catch-up");
        Http.Response after = http.get("/v1/me/notifications/preferences", "Authorization", reader.bearer());
        assertThat(after.json().get("kinds").get("plan-reminder").get("email").asBoolean()).isFalse();
        assertThat(after.json().get("kinds").get("verse-of-the-day").get("email").asBoolean()).isTrue();
        Http.Response page = http.get("/notifications/unsubscribe?token=x&kind=catch-up");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Unsubscribe");
    }

    /**
     * The verse of the day in the reader's browser: subscribed through the API as a browser's
     * PushSubscription, sent through the push service (a local server), decrypted with the
     * browser's keys; a push service that says the subscription is gone makes it forgotten.
     */
    @Test
    void theVerseOfTheDayReachesTheReadersBrowserAndAGoneBrowserIsForgotten() throws Exception {
        Reader reader = reader(false);
        List<byte[]> bodies = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicInteger status = new java.util.concurrent.atomic.AtomicInteger(201);
        com.sun.net.httpserver.HttpServer pushService = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        pushService.createContext("/push/", exchange -> {
            bodies.add(exchange.getRequestBody().readAllBytes());
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        pushService.start();
        try {
            Http.Response worker = http.get("/sw.js");
            assertThat(worker.status()).isEqualTo(200);
            assertThat(worker.header("Content-Type")).startsWith("text/javascript");
            assertThat(worker.header("Cache-Control")).contains("no-cache");
            assertThat(worker.body()).contains("showNotification", "notificationclick");
            String key = http.get("/v1/notifications/push/public-key").json().get("publicKey").asString();
            assertThat(Base64.getUrlDecoder().decode(key)).hasSize(65);
            WebPushTests.Browser browser = WebPushTests.Browser.create();
            String endpoint = "http://127.0.0.1:" + pushService.getAddress().getPort() + "/push/" + UUID.randomUUID();
            Http.Response subscribed = http.send("POST", "/v1/me/notifications/push-subscriptions", "{\"endpoint\":\"" + endpoint
                    + "\",\"expirationTime\":null,\"keys\":{\"p256dh\":\"" + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(browser.p256dh()) + "\",\"auth\":\"" + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(browser.auth()) + "\"}}", "Authorization", reader.bearer(), "Content-Type", "application/json");
            assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(201);

            Http.Response set = setPreferences(reader, "{\"timeZone\":\"Asia/Kolkata\",\"remindAt\":\"07:30\","
                    + "\"kinds\":{\"verse-of-the-day\":{\"push\":true}}}");
            assertThat(set.json().get("kinds").get("verse-of-the-day").get("push").asBoolean()).isTrue();
            sweep.sweep(Instant.parse(set.json().get("nextReminderAt").asString()));
            for (int i = 0; i < 300 && bodies.isEmpty(); i++) Thread.sleep(100);
            assertThat(bodies).hasSize(1);
            String shown = new String(browser.decrypt(bodies.getFirst()), StandardCharsets.UTF_8);
            assertThat(shown).contains("\"title\":\"Verse of the day: ", "\"url\":\"http://localhost:8080/read/WEB/", "\"tag\":\"verse-of-the-day\"");
            assertThat(mailbox.to(reader.email())).as("push only: no email").noneMatch(m -> m.subject().startsWith("Verse of the day"));

            // the next day the browser is gone: the push service answers 410 and the subscription is forgotten
            status.set(410);
            UUID user = jdbc.sql("select id from app_user where email = ?").param(reader.email()).query(UUID.class).single();
            Instant nextDay = jdbc.sql("select next_send_at from notification_preference where user_id = ?").param(user)
                    .query(java.sql.Timestamp.class).single().toInstant();
            assertThat(Duration.between(Instant.parse(set.json().get("nextReminderAt").asString()), nextDay)).isEqualTo(Duration.ofDays(1));
            sweep.sweep(nextDay);
            for (int i = 0; i < 300 && bodies.size() < 2; i++) Thread.sleep(100);
            assertThat(bodies).as("the second day's message reached the push service").hasSize(2);
            int left = -1;
            for (int i = 0; i < 100 && left != 0; i++) {
                left = jdbc.sql("select count(*) from push_subscription where user_id = ?").param(user).query(Integer.class).single();
                Thread.sleep(100);
            }
            assertThat(left).as("subscriptions left after the push service said 410").isZero();
            assertThat(http.get("/v1/me/notifications/push-subscriptions", "Authorization", reader.bearer()).json()
                    .get("subscriptions").isEmpty()).isTrue();

            Http.Response bad = http.send("POST", "/v1/me/notifications/push-subscriptions", "{\"endpoint\":\"" + endpoint
                    + "\",\"keys\":{\"p256dh\":\"AAAA\",\"auth\":\"AAAA\"}}", "Authorization", reader.bearer(), "Content-Type",
                    "application/json");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(problemType(bad)).isEqualTo("invalid-push-subscription");
        } finally {
            pushService.stop(0);
        }
    }

    @Test
    void anUnverifiedAddressGetsNoReminder() throws Exception {
        Reader reader = reader(false);
        Http.Response set = setPreferences(reader, "{\"timeZone\":\"Europe/Madrid\",\"kinds\":{\"verse-of-the-day\":{\"email\":true}}}");
        Instant due = Instant.parse(set.json().get("nextReminderAt").asString());
        sweep.sweep(due);
        UUID user = jdbc.sql("select id from app_user where email = ?").param(reader.email()).query(UUID.class).single();
        awaitStatus(user, "verse-of-the-day", "skipped");
        assertThat(mailbox.to(reader.email())).extracting(Mailbox.Mail::subject).containsExactly("Confirm your email address");
    }

    @Test
    void aBounceReportedBySignedWebhookStopsMailAndAForgedOneChangesNothing() throws Exception {
        Reader reader = reader(true);
        String body = "{\"type\":\"email.bounced\",\"created_at\":\"2027-01-01T00:00:00.000Z\",\"data\":{\"email_id\":\"4ef9a417\","
                + "\"from\":\"GospeLib <no-reply@gospelib.localhost>\",\"to\":[\"" + reader.email() + "\"],\"subject\":\"x\","
                + "\"bounce\":{\"message\":\"mailbox does not exist\",\"subType\":\"General\",\"type\":\"Permanent\"}}}";
        long now = Instant.now().getEpochSecond();
        Http.Response forged = http.send("POST", "/v1/notifications/webhooks/resend", body, "svix-id", "msg_forged", "svix-timestamp",
                Long.toString(now), "svix-signature", "v1," + sign("whsec_" + Base64.getEncoder().encodeToString(
                        "another secret entirely".getBytes(StandardCharsets.UTF_8)), "msg_forged", now, body),
                "Content-Type", "application/json");
        assertThat(forged.status()).isEqualTo(400);
        assertThat(problemType(forged)).isEqualTo("webhook-signature-invalid");
        Http.Response stale = http.send("POST", "/v1/notifications/webhooks/resend", body, "svix-id", "msg_stale", "svix-timestamp",
                Long.toString(now - 3600), "svix-signature", "v1," + sign(WEBHOOK_SECRET, "msg_stale", now - 3600, body),
                "Content-Type", "application/json");
        assertThat(stale.status()).isEqualTo(400);
        assertThat(suppressed(reader.email())).isZero();

        Http.Response bounced = http.send("POST", "/v1/notifications/webhooks/resend", body, "svix-id", "msg_bounce", "svix-timestamp",
                Long.toString(now), "svix-signature", "v1," + sign(WEBHOOK_SECRET, "msg_bounce", now, body),
                "Content-Type", "application/json");
        assertThat(bounced.status()).as(bounced.body()).isEqualTo(200);
        assertThat(bounced.json().get("result").asString()).isEqualTo("suppressed");
        assertThat(suppressed(reader.email())).isEqualTo(1);

        Http.Response set = setPreferences(reader, "{\"kinds\":{\"verse-of-the-day\":{\"email\":true}}}");
        sweep.sweep(Instant.parse(set.json().get("nextReminderAt").asString()));
        UUID user = jdbc.sql("select id from app_user where email = ?").param(reader.email()).query(UUID.class).single();
        awaitStatus(user, "verse-of-the-day", "skipped");
        assertThat(jdbc.sql("select detail from notification_delivery where user_id = ? and kind = 'verse-of-the-day'").param(user)
                .query(String.class).single()).contains("bounced");
    }

    @Test
    void badSettingsAndUnknownLinksAreProblems() {
        Reader reader = reader(false);
        String[][] cases = {
                {"{\"timeZone\":\"Mars/Olympus_Mons\"}", "invalid-time-zone"},
                {"{\"timeZone\":\"+02:00\"}", "invalid-time-zone"},
                {"{\"remindAt\":\"25:00\"}", "invalid-time"},
                {"{\"remindAt\":\"7:5\"}", "invalid-time"},
                {"{\"remindAt\":\"07:00:30\"}", "invalid-time"},
                {"{\"quietHours\":{\"start\":\"22:00\"}}", "invalid-quiet-hours"},
                {"{\"quietHours\":{\"start\":\"22:00\",\"end\":\"22:00\"}}", "invalid-quiet-hours"},
                {"{\"kinds\":{\"horoscope\":{\"email\":true}}}", "unknown-reminder-kind"},
                {"{\"translation\":\"NIV\"}", "unknown-translation"},
        };
        for (String[] c : cases) {
            Http.Response response = setPreferences(reader, c[0]);
            assertThat(response.status()).as(c[0] + " → " + response.body()).isEqualTo(400);
            assertThat(problemType(response)).as(c[0]).isEqualTo(c[1]);
        }
        for (String token : new String[] {"", "unsub_forged", "x".repeat(500)}) {
            Http.Response response = http.send("POST", "/v1/notifications/unsubscribe?token=" + token, "List-Unsubscribe=One-Click",
                    "Content-Type", "application/x-www-form-urlencoded");
            assertThat(response.status()).isEqualTo(404);
            assertThat(problemType(response)).isEqualTo("invalid-unsubscribe-link");
        }
        assertThat(http.get("/v1/me/notifications/preferences").status()).isEqualTo(401);
    }

    private void awaitStatus(UUID user, String kind, String status) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            var found = jdbc.sql("select status from notification_delivery where user_id = ? and kind = ?").params(user, kind)
                    .query(String.class).optional();
            if (found.isPresent() && found.get().equals(status)) return;
            Thread.sleep(100);
        }
        throw new AssertionError(kind + " for " + user + " never became " + status);
    }

    private int suppressed(String email) {
        return jdbc.sql("select count(*) from notification_suppression where address = lower(?)").param(email).query(Integer.class)
                .single();
    }

    static String sign(String secret, String id, long timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    private static JobContext context() {
        return new JobContext() {
            @Override
            public String key() {
                return "test";
            }

            @Override
            public int attempt() {
                return 2;
            }

            @Override
            public void progress(long done, long total, String note) {
            }
        };
    }
}
