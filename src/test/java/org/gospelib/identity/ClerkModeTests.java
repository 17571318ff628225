package org.gospelib.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.gospelib.GospelibApplication;
import org.gospelib.billing.LocalStripe;
import org.gospelib.support.Http;
import org.gospelib.support.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * External provider mode, as with Clerk: a local server publishes a JWKS the way Clerk's
 * {@code /.well-known/jwks.json} does, tokens are signed as Clerk signs session tokens, and
 * webhooks as Svix signs them. Its own application context (a second embedded database, no
 * corpus), since the provider is chosen at start.
 */
@SpringBootTest(classes = GospelibApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "gospelib.data-dir=target/test-data-clerk",
                "gospelib.ingest.on-start=never",
                "gospelib.search.semantic.enabled=false",
                "logging.file.name=target/test-data-clerk/logs/gospelib.log",
                "gospelib.identity.provider=external",
                "gospelib.identity.external.issuer=" + ClerkModeTests.ISSUER,
                "gospelib.identity.external.authorized-parties=" + ClerkModeTests.FRONTEND,
                "gospelib.identity.external.webhook-secret=" + ClerkModeTests.WEBHOOK_SECRET,
                "gospelib.rate-limit.free.capacity=40"
        })
// Stripe is the local server the shared application uses too
@org.springframework.test.context.ContextConfiguration(initializers = LocalStripe.Initializer.class)
// its application closes after the class: the suite's JVM, sized as the launcher sizes one
// application, then holds only the shared one
@org.springframework.test.annotation.DirtiesContext
class ClerkModeTests {

    static final String ISSUER = "https://clerk.gospelib.test";
    static final String FRONTEND = "https://app.gospelib.test";
    static final String WEBHOOK_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final RSAKey CLERK_KEY = Tokens.newRsaKey();
    static final HttpServer CLERK = startClerk();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Http http;

    static HttpServer startClerk() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] jwks = new JWKSet(CLERK_KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/.well-known/jwks.json", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                exchange.getResponseBody().write(jwks);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void clerkJwks(DynamicPropertyRegistry registry) {
        registry.add("gospelib.identity.external.jwks-url",
                () -> "http://127.0.0.1:" + CLERK.getAddress().getPort() + "/.well-known/jwks.json");
    }

    @AfterAll
    static void stopClerk() {
        CLERK.stop(0);
    }

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    /** A session token as Clerk issues one: RS256 with kid; iss, sub, azp, sid, iat, nbf (10 s back), exp (60 s). */
    static JWTClaimsSet.Builder clerkClaims(String userId) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER).subject(userId).claim("azp", FRONTEND)
                .claim("sid", "sess_" + UUID.randomUUID().toString().replace("-", ""))
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now.minusSeconds(10)))
                .expirationTime(Date.from(now.plusSeconds(60)));
    }

    /** Svix's signature, computed from its documentation rather than by our verifier's code. */
    static String svixSignature(String id, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(WEBHOOK_SECRET.substring("whsec_".length())), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    Http.Response deliver(String id, long timestamp, String signature, byte[] body) {
        return http.send("POST", "/v1/auth/webhooks/clerk", body, "Content-Type", "application/json", "svix-id", id,
                "svix-timestamp", Long.toString(timestamp), "svix-signature", signature);
    }

    Http.Response deliver(String id, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        return deliver(id, now, svixSignature(id, now, bytes), bytes);
    }

    static String userEvent(String type, String userId, String email, String firstName) {
        return """
                {"data":{"id":"%s","object":"user","first_name":"%s","last_name":"Reader","primary_email_address_id":"idn_2",
                "email_addresses":[{"id":"idn_1","email_address":"old-%s"},{"id":"idn_2","email_address":"%s"}],
                "created_at":1654012591514,"updated_at":1654012591835},
                "event_attributes":{"http_request":{"client_ip":"","user_agent":""}},
                "object":"event","timestamp":1654012591835,"type":"%s"}""".formatted(userId, firstName, email, email, type);
    }

    int usersWithExternalId(String externalId) {
        return jdbc.sql("select count(*) from app_user where external_id = ?").param(externalId).query(Integer.class).single();
    }

    String email(String externalId) {
        return jdbc.sql("select email from app_user where external_id = ?").param(externalId).query(String.class).single();
    }

    static String msgId() {
        return "msg_" + UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void aSignedWebhookCreatesTheUserAndAClerkTokenThenSignsThemIn() {
        String userId = "user_" + UUID.randomUUID().toString().replace("-", "");
        String email = userId + "@example.test";
        Http.Response created = deliver(msgId(), userEvent("user.created", userId, email, "Ada"));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.json().get("result").asString()).isEqualTo("applied");
        assertThat(email(userId)).isEqualTo(email);

        Http.Response me = http.get("/v1/me", "Authorization", "Bearer " + Tokens.rs256(CLERK_KEY, clerkClaims(userId).build()));
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().get("email").asString()).isEqualTo(email);
        assertThat(me.json().get("displayName").asString()).isEqualTo("Ada Reader");

        Http.Response updated = deliver(msgId(), userEvent("user.updated", userId, "new-" + email, "Ada"));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(email(userId)).isEqualTo("new-" + email);
        assertThat(deliver(msgId(), userEvent("user.updated", userId, "new-" + email, "Ada")).status()).isEqualTo(200);
        assertThat(usersWithExternalId(userId)).isEqualTo(1);

        Http.Response deleted = deliver(msgId(), "{\"data\":{\"deleted\":true,\"id\":\"" + userId
                + "\",\"object\":\"user\"},\"object\":\"event\",\"type\":\"user.deleted\"}");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(usersWithExternalId(userId)).isZero();
        assertThat(http.get("/v1/me", "Authorization", "Bearer " + Tokens.rs256(CLERK_KEY, clerkClaims(userId).build())).status())
                .isEqualTo(404);
    }

    /**
     * Billing in Clerk mode: the reader's Stripe customer and subscription belong to the account
     * Clerk's webhook made, and the gateway lifts the rate limit of the Clerk session token the
     * reader holds (it names Clerk's user id).
     */
    @Test
    void aClerkUserSubscribesAndTheirClerkTokenGetsThePlusLimits() {
        String userId = "user_" + UUID.randomUUID().toString().replace("-", "");
        assertThat(deliver(msgId(), userEvent("user.created", userId, userId + "@example.test", "Cy")).status()).isEqualTo(200);
        String bearer = "Bearer " + Tokens.rs256(CLERK_KEY, clerkClaims(userId).build());
        Http.Response checkout = http.send("POST", "/v1/me/billing/checkout", "{\"price\":\"plus-yearly\"}", "Authorization", bearer,
                "Content-Type", "application/json");
        assertThat(checkout.status()).as(checkout.body()).isEqualTo(200);
        String url = checkout.json().get("url").asString();
        String session = url.substring(url.lastIndexOf('/') + 1);
        LocalStripe stripe = LocalStripe.shared();
        assertThat(stripe.customers.get(stripe.sessions.get(session).get("customer").asString()).get("email").asString())
                .isEqualTo(userId + "@example.test");
        stripe.completeCheckout(session);
        String event = stripe.event("checkout.session.completed", stripe.sessions.get(session));
        assertThat(http.send("POST", "/v1/billing/webhooks/stripe", event, "Stripe-Signature",
                LocalStripe.signature(event, Instant.now(), LocalStripe.WEBHOOK_SECRET), "Content-Type", "application/json").status())
                .isEqualTo(200);
        assertThat(http.get("/v1/me/billing", "Authorization", bearer).json().get("plan").asString()).isEqualTo("plus");
        // more requests than the free plan's 40 a minute, on the token Clerk issued before the payment
        for (int i = 0; i < 60; i++) {
            assertThat(http.get("/v1/me/billing", "Authorization", bearer).status()).as("request " + i).isEqualTo(200);
        }
    }

    @Test
    void badClerkTokensAreRejected() {
        String userId = "user_" + UUID.randomUUID().toString().replace("-", "");
        deliver(msgId(), userEvent("user.created", userId, userId + "@example.test", "Bo"));
        RSAKey impostor = new RSAKey.Builder(Tokens.newRsaKey()).keyID(CLERK_KEY.getKeyID()).build();
        Instant now = Instant.now();
        String[] bad = {
                Tokens.rs256(impostor, clerkClaims(userId).build()),
                Tokens.unsigned(clerkClaims(userId).build()),
                Tokens.hs256WithPublicKey(CLERK_KEY, clerkClaims(userId).build()),
                Tokens.rs256(CLERK_KEY, clerkClaims(userId).claim("azp", "https://evil.example").build()),
                Tokens.rs256(CLERK_KEY, clerkClaims(userId).issuer("https://clerk.evil.example").build()),
                Tokens.rs256(CLERK_KEY, clerkClaims(userId).expirationTime(Date.from(now.minusSeconds(120))).build()),
                Tokens.rs256(CLERK_KEY, clerkClaims(userId).notBeforeTime(Date.from(now.plusSeconds(300))).build())
        };
        for (String token : bad) {
            Http.Response response = http.send("DELETE", "/v1/me", (String) null, "Authorization", "Bearer " + token);
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.json().get("type").asString()).endsWith("/invalid-token");
            assertThat(usersWithExternalId(userId)).isEqualTo(1);
        }
    }

    @Test
    void tamperedStaleAndReplayedWebhooksHaveNoEffect() {
        String userId = "user_" + UUID.randomUUID().toString().replace("-", "");
        byte[] body = userEvent("user.created", userId, userId + "@example.test", "Cy").getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();

        String id = msgId();
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("Cy", "Eve").getBytes(StandardCharsets.UTF_8);
        Http.Response forged = deliver(id, now, svixSignature(id, now, body), tampered);
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.json().get("type").asString()).endsWith("/webhook-signature-invalid");
        assertThat(usersWithExternalId(userId)).isZero();

        long stale = now - 6 * 60;
        String staleId = msgId();
        Http.Response old = deliver(staleId, stale, svixSignature(staleId, stale, body), body);
        assertThat(old.status()).isEqualTo(400);
        assertThat(old.json().get("type").asString()).endsWith("/webhook-timestamp-out-of-tolerance");
        assertThat(usersWithExternalId(userId)).isZero();

        Http.Response unsigned = http.send("POST", "/v1/auth/webhooks/clerk", body, "Content-Type", "application/json");
        assertThat(unsigned.status()).isEqualTo(400);
        assertThat(unsigned.json().get("type").asString()).endsWith("/webhook-headers-missing");

        // A genuine delivery applies once; replayed after the user was deleted, it must not bring the user back.
        String genuine = msgId();
        String signature = svixSignature(genuine, now, body);
        assertThat(deliver(genuine, now, signature, body).json().get("result").asString()).isEqualTo("applied");
        deliver(msgId(), "{\"data\":{\"deleted\":true,\"id\":\"" + userId + "\"},\"type\":\"user.deleted\"}");
        assertThat(usersWithExternalId(userId)).isZero();
        Http.Response replay = deliver(genuine, now, signature, body);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().get("result").asString()).isEqualTo("duplicate");
        assertThat(usersWithExternalId(userId)).isZero();

        Http.Response notJson = deliver(msgId(), "not json");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().get("type").asString()).endsWith("/webhook-payload-invalid");
    }

    @Test
    void theBuiltInProviderIsOff() {
        Http.Response signUp = http.postJson("/v1/auth/signup", "{\"email\":\"a@example.test\",\"password\":\"correct horse battery\"}");
        assertThat(signUp.status()).isEqualTo(404);
        assertThat(signUp.json().get("type").asString()).endsWith("/built-in-provider-disabled");
        assertThat(http.get("/.well-known/jwks.json").status()).isEqualTo(404);
    }
}
