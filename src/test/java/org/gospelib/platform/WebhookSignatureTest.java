package org.gospelib.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.gospelib.platform.ProblemException;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    /** A secret in Svix's format; any 24+ random bytes will do. */
    static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString("a test secret of 32 bytes!!!!!!!".getBytes(StandardCharsets.UTF_8));
    static final WebhookSignature SVIX = WebhookSignature.forSecret(SECRET);
    static final byte[] BODY = "{\"type\":\"user.created\",\"data\":{\"id\":\"user_1\"}}".getBytes(StandardCharsets.UTF_8);
    static final Instant NOW = Instant.ofEpochSecond(1_800_000_000L);

    @Test
    void acceptsASignatureComputedAsSvixDocumentsIt() throws Exception {
        // Independently of WebhookSignature.sign: HMAC-SHA256(base64-decoded secret, "id.timestamp.body").
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(Base64.getDecoder().decode(SECRET.substring(6)), "HmacSHA256"));
        mac.update("msg_1.1800000000.".getBytes(StandardCharsets.UTF_8));
        String signature = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(BODY));
        assertThat(SVIX.verify("msg_1", "1800000000", signature, BODY, NOW)).isEqualTo("msg_1");
    }

    @Test
    void acceptsWhenAnyOfSeveralSignaturesMatches() {
        String header = "v1,AAAA v2,xyz " + SVIX.sign("msg_1", NOW.getEpochSecond(), BODY);
        assertThat(SVIX.verify("msg_1", "1800000000", header, BODY, NOW)).isEqualTo("msg_1");
    }

    @Test
    void rejectsATamperedBodyAnotherIdOrAnotherTimestamp() {
        String signature = SVIX.sign("msg_1", NOW.getEpochSecond(), BODY);
        byte[] tampered = BODY.clone();
        tampered[tampered.length - 3] = 'X';
        assertRejected("webhook-signature-invalid", () -> SVIX.verify("msg_1", "1800000000", signature, tampered, NOW));
        assertRejected("webhook-signature-invalid", () -> SVIX.verify("msg_2", "1800000000", signature, BODY, NOW));
        assertRejected("webhook-signature-invalid", () -> SVIX.verify("msg_1", "1800000001", signature, BODY, NOW));
    }

    @Test
    void rejectsASignatureByAnotherSecret() {
        WebhookSignature other = WebhookSignature.forSecret("whsec_" + Base64.getEncoder().encodeToString(new byte[32]));
        String signature = other.sign("msg_1", NOW.getEpochSecond(), BODY);
        assertRejected("webhook-signature-invalid", () -> SVIX.verify("msg_1", "1800000000", signature, BODY, NOW));
    }

    @Test
    void rejectsTimestampsMoreThanFiveMinutesAwayEitherWay() {
        long stale = NOW.minusSeconds(301).getEpochSecond();
        long future = NOW.plusSeconds(301).getEpochSecond();
        assertRejected("webhook-timestamp-out-of-tolerance",
                () -> SVIX.verify("msg_1", Long.toString(stale), SVIX.sign("msg_1", stale, BODY), BODY, NOW));
        assertRejected("webhook-timestamp-out-of-tolerance",
                () -> SVIX.verify("msg_1", Long.toString(future), SVIX.sign("msg_1", future, BODY), BODY, NOW));
        long edge = NOW.minusSeconds(299).getEpochSecond();
        assertThat(SVIX.verify("msg_1", Long.toString(edge), SVIX.sign("msg_1", edge, BODY), BODY, NOW)).isEqualTo("msg_1");
    }

    @Test
    void rejectsMissingOrMalformedHeaders() {
        String signature = SVIX.sign("msg_1", NOW.getEpochSecond(), BODY);
        assertRejected("webhook-headers-missing", () -> SVIX.verify(null, "1800000000", signature, BODY, NOW));
        assertRejected("webhook-headers-missing", () -> SVIX.verify("msg_1", null, signature, BODY, NOW));
        assertRejected("webhook-headers-missing", () -> SVIX.verify("msg_1", "1800000000", null, BODY, NOW));
        assertRejected("webhook-headers-invalid", () -> SVIX.verify("msg 1", "1800000000", signature, BODY, NOW));
        assertRejected("webhook-headers-invalid", () -> SVIX.verify("msg_1", "18e8", signature, BODY, NOW));
        assertRejected("webhook-headers-invalid", () -> SVIX.verify("msg_1", "-1", signature, BODY, NOW));
    }

    @Test
    void refusesASecretThatIsNotBase64() {
        assertThatThrownBy(() -> WebhookSignature.forSecret("whsec_not base64!")).isInstanceOf(IllegalArgumentException.class);
    }

    static void assertRejected(String type, org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.type()).isEqualTo(type);
            assertThat(e.status()).isEqualTo(400);
        });
    }
}
