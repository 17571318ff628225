package org.gospelib.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Web Push as a browser and its push service see it: a local server stands for the push service
 * (RFC 8030: 201 when it takes a message, 410 for a subscription that is gone); the test plays the
 * browser, holding the subscription's private key and auth secret, and decrypts what arrived
 * (RFC 8291, written here again from the RFC, not shared with the code under test); the VAPID
 * token (RFC 8292) is verified with the key the header carries.
 */
class WebPushTests {

    record Received(Map<String, List<String>> headers, byte[] body) {
    }

    /** A browser's side of a subscription: its key pair and auth secret. */
    record Browser(KeyPair keys, byte[] auth) {
        static Browser create() throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            byte[] auth = new byte[16];
            new SecureRandom().nextBytes(auth);
            return new Browser(generator.generateKeyPair(), auth);
        }

        byte[] p256dh() {
            return point((ECPublicKey) keys.getPublic());
        }

        /** RFC 8291 §3 and RFC 8188 §2, from the receiving side. */
        byte[] decrypt(byte[] body) throws Exception {
            ByteBuffer in = ByteBuffer.wrap(body);
            byte[] salt = new byte[16];
            in.get(salt);
            int recordSize = in.getInt();
            byte[] senderKey = new byte[in.get() & 0xff];
            in.get(senderKey);
            byte[] ciphertext = new byte[in.remaining()];
            in.get(ciphertext);
            assertThat(recordSize).isGreaterThanOrEqualTo(ciphertext.length);
            KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
            agreement.init(keys.getPrivate());
            agreement.doPhase(fromPoint(senderKey), true);
            byte[] ecdh = agreement.generateSecret();
            byte[] prkKey = hmac(auth, ecdh);
            byte[] ikm = Arrays.copyOf(hmac(prkKey, concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), p256dh(), senderKey,
                    new byte[] {1})), 32);
            byte[] prk = hmac(salt, ikm);
            byte[] cek = Arrays.copyOf(hmac(prk, concat("Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII),
                    new byte[] {1})), 16);
            byte[] nonce = Arrays.copyOf(hmac(prk, concat("Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII),
                    new byte[] {1})), 12);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
            byte[] padded = cipher.doFinal(ciphertext);
            int end = padded.length - 1;
            while (end >= 0 && padded[end] == 0) end--;
            assertThat(padded[end]).as("the last record's delimiter").isEqualTo((byte) 2);
            return Arrays.copyOf(padded, end);
        }
    }

    @Test
    void aMessageArrivesEncryptedForTheBrowserAndSignedForThePushService() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        HttpServer pushService = pushService(received, 201);
        try {
            VapidKeys vapid = vapid();
            WebPushSender sender = new WebPushSender(vapid, true, Clock.systemUTC());
            Browser browser = Browser.create();
            String endpoint = "http://127.0.0.1:" + pushService.getAddress().getPort() + "/push/abc123";
            var subscription = new PushSubscriptions.Subscription(UUID.randomUUID(), UUID.randomUUID(), endpoint, browser.p256dh(),
                    browser.auth(), Instant.now());
            String payload = "{\"title\":\"Today in your reading plan\",\"body\":\"Génesis 8–11 — día 3\",\"url\":\"https://x/me/plans\"}";

            PushOutcome outcome = sender.send(subscription, payload.getBytes(StandardCharsets.UTF_8), Duration.ofHours(12),
                    "plan-reminder");

            assertThat(outcome).isEqualTo(PushOutcome.SENT);
            Received message = received.getFirst();
            assertThat(message.headers().get("Content-encoding")).containsExactly("aes128gcm");
            assertThat(message.headers().get("Ttl")).containsExactly("43200");
            assertThat(message.headers().get("Topic")).containsExactly("plan-reminder");
            assertThat(new String(browser.decrypt(message.body()), StandardCharsets.UTF_8)).isEqualTo(payload);

            String authorization = message.headers().get("Authorization").getFirst();
            assertThat(authorization).startsWith("vapid t=");
            String token = authorization.substring("vapid t=".length(), authorization.indexOf(", k="));
            String key = authorization.substring(authorization.indexOf(", k=") + 4);
            assertThat(key).isEqualTo(vapid.publicKeyBase64());
            SignedJWT jwt = SignedJWT.parse(token);
            assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
            assertThat(jwt.verify(new ECDSAVerifier(ecKey(Base64.getUrlDecoder().decode(key))))).isTrue();
            assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("http://127.0.0.1:" + pushService.getAddress().getPort());
            assertThat(jwt.getJWTClaimsSet().getExpirationTime().toInstant()).isBefore(Instant.now().plus(Duration.ofHours(24)));
            assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("mailto:ops@gospelib.test");

            // each message has its own key and salt: the same text twice is two different bodies
            sender.send(subscription, payload.getBytes(StandardCharsets.UTF_8), Duration.ofHours(12), "plan-reminder");
            assertThat(received.get(1).body()).isNotEqualTo(message.body());
            assertThat(browser.decrypt(received.get(1).body())).isEqualTo(payload.getBytes(StandardCharsets.UTF_8));
        } finally {
            pushService.stop(0);
        }
    }

    @Test
    void aGoneSubscriptionALimitAndARefusalAreToldApart() throws Exception {
        VapidKeys vapid = vapid();
        Browser browser = Browser.create();
        for (var expected : Map.of(410, PushOutcome.GONE, 404, PushOutcome.GONE, 429, PushOutcome.RETRY,
                503, PushOutcome.RETRY, 413, PushOutcome.REFUSED).entrySet()) {
            HttpServer pushService = pushService(new CopyOnWriteArrayList<>(), expected.getKey());
            try {
                String endpoint = "http://127.0.0.1:" + pushService.getAddress().getPort() + "/push/x";
                var subscription = new PushSubscriptions.Subscription(UUID.randomUUID(), UUID.randomUUID(), endpoint, browser.p256dh(),
                        browser.auth(), Instant.now());
                assertThat(new WebPushSender(vapid, true, Clock.systemUTC()).send(subscription, new byte[] {1}, Duration.ofMinutes(1),
                        "t")).as("status " + expected.getKey()).isEqualTo(expected.getValue());
            } finally {
                pushService.stop(0);
            }
        }
    }

    @Test
    void endpointsOnPrivateAddressesOrWithoutHttpsAreRefused() throws Exception {
        WebPushSender strict = new WebPushSender(vapid(), false, Clock.systemUTC());
        for (String endpoint : List.of("http://fcm.googleapis.com/fcm/send/x", "https://127.0.0.1/push", "https://10.0.0.8/push",
                "https://[::1]/push", "https://169.254.169.254/latest/meta-data", "https://user@updates.push.services.mozilla.com/x",
                "ftp://example.org/x", "not a url", "https://" + "a".repeat(2_100) + ".example/x")) {
            assertThat(strict.refusal(endpoint)).as(endpoint).isPresent();
        }
    }

    private static VapidKeys vapid() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        return VapidKeys.of(pair, "mailto:ops@gospelib.test");
    }

    private static HttpServer pushService(List<Received> received, int status) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/push/", exchange -> {
            received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static ECKey ecKey(byte[] point) throws Exception {
        return new ECKey.Builder(Curve.P_256, fromPoint(point)).build();
    }

    static ECPublicKey fromPoint(byte[] point) throws Exception {
        var parameters = java.security.AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        var spec = new ECPublicKeySpec(new ECPoint(new BigInteger(1, Arrays.copyOfRange(point, 1, 33)),
                new BigInteger(1, Arrays.copyOfRange(point, 33, 65))), parameters.getParameterSpec(java.security.spec.ECParameterSpec.class));
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(spec);
    }

    static byte[] point(ECPublicKey key) {
        byte[] out = new byte[65];
        out[0] = 4;
        byte[] x = key.getW().getAffineX().toByteArray();
        byte[] y = key.getW().getAffineY().toByteArray();
        System.arraycopy(x, Math.max(0, x.length - 32), out, 1 + 32 - Math.min(32, x.length), Math.min(32, x.length));
        System.arraycopy(y, Math.max(0, y.length - 32), out, 33 + 32 - Math.min(32, y.length), Math.min(32, y.length));
        return out;
    }

    private static byte[] hmac(byte[] key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) length += p.length;
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
