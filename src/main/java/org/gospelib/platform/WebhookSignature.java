package org.gospelib.platform;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies webhooks per the Standard Webhooks specification (which Svix, and so Clerk,
 * follow): the signature header lists space-separated {@code v1,<base64 HMAC-SHA256>} entries over
 * {@code id.timestamp.body}, keyed with the base64 secret after {@code whsec_}. The body is the raw bytes received: re-serialised
 * JSON would not match. Timestamps more than five minutes away are refused, which bounds how long
 * a captured delivery can be replayed; deduplication by id covers the five minutes.
 */
public final class WebhookSignature {

    public static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");
    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,12}");
    private static final int MAX_SIGNATURE_HEADER = 4096;

    private final byte[] key;

    private WebhookSignature(byte[] key) {
        this.key = key;
    }

    /** The verifier for a {@code whsec_…} secret (the prefix is optional). */
    public static WebhookSignature forSecret(String secret) {
        String encoded = secret.startsWith("whsec_") ? secret.substring("whsec_".length()) : secret;
        try {
            byte[] key = Base64.getDecoder().decode(encoded);
            if (key.length == 0) throw new IllegalArgumentException("empty");
            return new WebhookSignature(key);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the webhook secret is not whsec_ followed by base64", e);
        }
    }

    /** The {@code v1,…} signature of a message, as a sender puts it in the signature header. */
    public String sign(String id, long timestamp, byte[] body) {
        return "v1," + Base64.getEncoder().encodeToString(mac(id, Long.toString(timestamp), body));
    }

    /**
     * Checks the three headers against the body, or throws a problem saying which check failed.
     *
     * @return the delivery id, safe to store
     */
    public String verify(String id, String timestamp, String signatures, byte[] body, Instant now) {
        if (id == null || timestamp == null || signatures == null) {
            throw rejected("webhook-headers-missing", "the webhook id, timestamp and signature headers are required");
        }
        if (!ID.matcher(id).matches()) throw rejected("webhook-headers-invalid", "malformed webhook id");
        if (!TIMESTAMP.matcher(timestamp).matches()) throw rejected("webhook-headers-invalid", "malformed webhook timestamp");
        Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
        if (Duration.between(sent, now).abs().compareTo(TOLERANCE) > 0) {
            throw rejected("webhook-timestamp-out-of-tolerance", "the webhook timestamp is more than five minutes from now");
        }
        byte[] expected = mac(id, timestamp, body);
        for (byte[] candidate : parseV1Signatures(signatures)) {
            if (MessageDigest.isEqual(expected, candidate)) return id;
        }
        throw rejected("webhook-signature-invalid", "no v1 signature matches the body");
    }

    /**
     * The {@code v1} signatures of a signature header; other versions and malformed
     * entries are skipped (a later scheme may add them), an oversized header yields none.
     */
    public static List<byte[]> parseV1Signatures(String header) {
        List<byte[]> signatures = new ArrayList<>();
        if (header.length() > MAX_SIGNATURE_HEADER) return signatures;
        for (String entry : header.split(" ")) {
            int comma = entry.indexOf(',');
            if (comma < 0 || !entry.substring(0, comma).equals("v1")) continue;
            try {
                byte[] decoded = Base64.getDecoder().decode(entry.substring(comma + 1));
                if (decoded.length == 32) signatures.add(decoded);
            } catch (IllegalArgumentException malformed) {
                // not base64: cannot match, skip it
            }
        }
        return signatures;
    }

    private byte[] mac(String id, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProblemException rejected(String type, String detail) {
        return new ProblemException(type, "Webhook rejected", 400, detail);
    }
}
