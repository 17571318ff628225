package org.gospelib.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.gospelib.notifications.NotificationsProperties;
import org.gospelib.support.Http;
import org.gospelib.support.RunningApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Reminders on the reader's phone: the app registers its FCM or APNs token through the API, and a
 * reminder reaches FCM's HTTP v1 API (authorised by a token Google's auth library obtains with a
 * service account key) and APNs over HTTP/2 (an ES256 provider token), each a local server that
 * speaks the protocol. Tokens the services no longer know are forgotten; a second delivery of the
 * same reminder sends nothing.
 */
class MobilePushTests extends RunningApplication {

    static final String PASSWORD = "correct horse battery staple";
    // an FCM registration token's shape: instance id, a colon, the token proper
    static final String FCM_PHONE = "fGx1cmVtaW5kZXI6APA91b" + "E".repeat(140);
    static final String FCM_GONE = "eHd1bmluc3RhbGxlZDpAPA91b" + "F".repeat(140);
    static final String APNS_PHONE = "a1".repeat(32);
    static final String APNS_GONE = "b2".repeat(32);

    @Autowired
    PushSubscriptions subscriptions;
    @Autowired
    WebPushSender webPush;
    @Autowired
    PushDevices devices;
    @Autowired
    DeliveryLog deliveries;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    record Reader(UUID id, String bearer) {
    }

    Reader reader() {
        String email = "phone-" + UUID.randomUUID() + "@example.test";
        Http.Response created = http.postJson("/v1/auth/signup", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Http.Response token = http.postJson("/v1/auth/token", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        return new Reader(UUID.fromString(created.json().get("id").asString()), "Bearer " + token.json().get("accessToken").asString());
    }

    Http.Response register(Reader reader, String platform, String token) {
        return http.send("POST", "/v1/me/notifications/devices", "{\"platform\":\"" + platform + "\",\"token\":\"" + token + "\"}",
                "Authorization", reader.bearer(), "Content-Type", "application/json");
    }

    @Test
    void aReminderReachesEveryRegisteredPhoneOnceAndForgetsUninstalledApps() throws Exception {
        Reader reader = reader();
        for (String[] device : List.of(new String[] {"fcm", FCM_PHONE}, new String[] {"FCM", FCM_GONE},
                new String[] {"apns", APNS_PHONE}, new String[] {"apns", APNS_GONE.toUpperCase()})) {
            Http.Response registered = register(reader, device[0], device[1]);
            assertThat(registered.status()).as(registered.body()).isEqualTo(201);
            assertThat(registered.json().get("platform").asString()).isEqualTo(device[0].toLowerCase());
        }
        JsonNode listed = http.get("/v1/me/notifications/devices", "Authorization", reader.bearer()).json().get("devices");
        assertThat(listed.size()).isEqualTo(4);
        assertThat(listed.toString()).as("tokens are not shown back").doesNotContain(FCM_PHONE, APNS_PHONE);

        try (MobilePushServers.Fcm fcm = new MobilePushServers.Fcm(Files.createDirectories(dir.resolve("fcm")));
                MobilePushServers.Apns apns = new MobilePushServers.Apns(Files.createDirectories(dir.resolve("apns")),
                        Set.of(APNS_PHONE, APNS_GONE), Set.of(APNS_GONE));
                ApnsSender apnsSender = ApnsSender.create(new NotificationsProperties.Apns(apns.signingKey, MobilePushServers.Apns.TEAM,
                        MobilePushServers.Apns.KEY_ID, MobilePushServers.Apns.TOPIC, "localhost", apns.port, apns.certificate),
                        Clock.systemUTC())) {
            fcm.unregistered.add(FCM_GONE);
            FcmSender fcmSender = FcmSender.fromServiceAccount(fcm.serviceAccount, fcm.baseUrl());
            PushDelivery delivery = new PushDelivery(subscriptions, webPush, devices, List.of(fcmSender, apnsSender), deliveries,
                    transactions, Clock.systemUTC(), new SimpleMeterRegistry());
            String key = "verse-of-the-day/" + reader.id() + "/2026-12-04/push";
            PushDelivery.Payload payload = new PushDelivery.Payload("Verse of the day: Lamentations 3:22–23",
                    "It is of the LORD's mercies that we are not consumed…", "http://localhost:8080/read/KJV/Lam.3.22-Lam.3.23",
                    "verse-of-the-day");

            DeliveryLog.Status status = delivery.deliver(key, reader.id(), "verse-of-the-day", () -> Optional.of(payload));

            assertThat(status).isEqualTo(DeliveryLog.Status.SENT);
            assertThat(fcm.refusedAssertions).as("the service account's signed assertions").isEmpty();
            assertThat(fcm.delivered).hasSize(1);
            JsonNode android = fcm.delivered.getFirst();
            assertThat(android.get("token").asString()).isEqualTo(FCM_PHONE);
            assertThat(android.get("notification").get("title").asString()).isEqualTo(payload.title());
            assertThat(android.get("data").get("url").asString()).isEqualTo(payload.url());
            assertThat(android.get("android").get("collapse_key").asString()).isEqualTo("verse-of-the-day");
            assertThat(android.get("android").get("ttl").asString()).isEqualTo("43200s");

            assertThat(apns.delivered).as("rejected: " + apns.rejected).hasSize(1);
            JsonNode ios = apns.delivered.getFirst();
            assertThat(ios.get("token").asString()).isEqualTo(APNS_PHONE);
            assertThat(ios.get("topic").asString()).isEqualTo(MobilePushServers.Apns.TOPIC);
            assertThat(ios.get("pushType").asString()).isEqualTo("alert");
            assertThat(ios.get("collapseId").asString()).isEqualTo("verse-of-the-day");
            assertThat(ios.get("authorization").asString()).startsWith("bearer ");
            assertThat(ios.get("payload").get("aps").get("alert").get("title").asString()).isEqualTo(payload.title());
            assertThat(ios.get("payload").get("aps").get("thread-id").asString()).isEqualTo("verse-of-the-day");
            assertThat(ios.get("payload").get("url").asString()).isEqualTo(payload.url());
            assertThat(apns.rejected).as("the uninstalled app's token").hasSize(1).first().asString().contains("UNREGISTERED");

            // the tokens FCM (404 UNREGISTERED) and APNs (410 Unregistered) no longer know are forgotten
            assertThat(devices.of(reader.id())).extracting(PushDevices.Device::token).containsExactlyInAnyOrder(FCM_PHONE, APNS_PHONE);
            String detail = jdbc.sql("select detail from notification_delivery where idempotency_key = ?").param(key).query(String.class).single();
            assertThat(detail).isEqualTo("2 of 4 browser(s) and device(s)");

            // the job run again (at least once): the log says it was sent, nothing goes out twice
            assertThat(delivery.deliver(key, reader.id(), "verse-of-the-day", () -> Optional.of(payload))).isEqualTo(DeliveryLog.Status.SENT);
            assertThat(fcm.delivered).hasSize(1);
            assertThat(apns.delivered).hasSize(1);
        }
    }

    @Test
    void aRevokedAccessTokenIsRenewedAndTheMessageRetried() throws Exception {
        try (MobilePushServers.Fcm fcm = new MobilePushServers.Fcm(dir)) {
            FcmSender sender = FcmSender.fromServiceAccount(fcm.serviceAccount, fcm.baseUrl());
            PushDevices.Device phone = new PushDevices.Device(UUID.randomUUID(), UUID.randomUUID(), PushDevices.Platform.FCM, FCM_PHONE,
                    java.time.Instant.now());
            PushDelivery.Payload payload = new PushDelivery.Payload("Plan reminder", "John 1", "http://localhost:8080/plans", "plan-reminder");
            assertThat(sender.send(phone, payload, Duration.ofHours(12), "plan-reminder")).isEqualTo(PushOutcome.SENT);
            // FCM forgets the access token (revoked, or its hour is over early): 401, then a new one is used
            fcm.issuedTokens.clear();
            assertThat(sender.send(phone, payload, Duration.ofHours(12), "plan-reminder")).isEqualTo(PushOutcome.RETRY);
            assertThat(sender.send(phone, payload, Duration.ofHours(12), "plan-reminder")).isEqualTo(PushOutcome.SENT);
            assertThat(fcm.delivered).hasSize(2);
            fcm.server.stop(0);
            assertThat(sender.send(phone, payload, Duration.ofHours(12), "plan-reminder")).as("FCM unreachable").isEqualTo(PushOutcome.RETRY);
        }
    }

    @Test
    void badDevicesAreRefusedWithAProblem() {
        Reader reader = reader();
        for (String[] bad : List.of(new String[] {"gcm", FCM_PHONE, "platform"}, new String[] {"", FCM_PHONE, "platform"},
                new String[] {"fcm", "short", "token"}, new String[] {"fcm", "has spaces " + "x".repeat(40), "token"},
                new String[] {"fcm", "x".repeat(4097), "token"}, new String[] {"apns", "zz".repeat(32), "token"},
                new String[] {"apns", "a".repeat(63), "token"}, new String[] {"apns", "", "token"})) {
            Http.Response refused = register(reader, bad[0], bad[1]);
            assertThat(refused.status()).as(String.join(" ", bad[0], bad[2])).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().get("type").asString()).endsWith("/invalid-push-device");
            assertThat(refused.json().get("field").asString()).isEqualTo(bad[2]);
        }
        Http.Response malformed = http.send("POST", "/v1/me/notifications/devices", "{\"platform\":", "Authorization",
                reader.bearer(), "Content-Type", "application/json");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.header("Content-Type")).startsWith("application/problem+json");
        assertThat(http.send("DELETE", "/v1/me/notifications/devices/" + UUID.randomUUID(), "", "Authorization", reader.bearer())
                .status()).isEqualTo(404);
        assertThat(http.send("DELETE", "/v1/me/notifications/devices/not-an-id", "", "Authorization", reader.bearer()).status())
                .isEqualTo(404);
        assertThat(register(new Reader(reader.id(), ""), "fcm", FCM_PHONE).status()).isEqualTo(401);
    }

    @Test
    void aTokenRegisteredAgainMovesToTheLatestReaderAndDeletingTheAccountForgetsIt() {
        Reader first = reader();
        Reader second = reader();
        String token = "c3".repeat(32);
        assertThat(register(first, "apns", token).status()).isEqualTo(201);
        // the phone changed hands (or accounts): one token, one reader
        assertThat(register(second, "apns", token).status()).isEqualTo(201);
        assertThat(http.get("/v1/me/notifications/devices", "Authorization", first.bearer()).json().get("devices").isEmpty()).isTrue();
        JsonNode seconds = http.get("/v1/me/notifications/devices", "Authorization", second.bearer()).json().get("devices");
        assertThat(seconds.size()).isEqualTo(1);
        String id = seconds.get(0).get("id").asString();
        assertThat(http.send("DELETE", "/v1/me/notifications/devices/" + id, "", "Authorization", first.bearer()).status())
                .as("not the first reader's any more").isEqualTo(404);

        assertThat(http.send("DELETE", "/v1/me", "", "Authorization", second.bearer()).status()).isEqualTo(204);
        int left = -1;
        for (int i = 0; i < 100 && left != 0; i++) {
            left = jdbc.sql("select count(*) from push_device where user_id = ?").param(second.id()).query(Integer.class).single();
            sleep(100);
        }
        assertThat(left).as("devices left after the account was deleted").isZero();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
