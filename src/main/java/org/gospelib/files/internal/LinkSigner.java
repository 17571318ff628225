package org.gospelib.files.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks the directory store's download links, as S3 signs its presigned URLs: an
 * HMAC-SHA256 over the file key, the expiry and the download name, so none of them can be changed
 * (another reader's file, a later expiry) without the key. Compared in constant time.
 */
final class LinkSigner {

    private final byte[] key;

    LinkSigner(byte[] key) {
        if (key.length < 32) throw new IllegalArgumentException("a link signing key needs at least 32 bytes");
        this.key = key.clone();
    }

    String sign(String fileKey, long expiresEpochSecond, String downloadName) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] signature = mac.doFinal(("GET\n" + fileKey + "\n" + expiresEpochSecond + "\n" + downloadName)
                    .getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the link's parts are the ones signed and it has not expired at {@code now}. */
    boolean valid(String fileKey, String expires, String downloadName, String signature, Instant now) {
        long expiry;
        try {
            expiry = Long.parseLong(expires);
        } catch (NumberFormatException e) {
            return false;
        }
        if (signature == null) return false;
        boolean signed = MessageDigest.isEqual(sign(fileKey, expiry, downloadName).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
        return signed && now.getEpochSecond() < expiry;
    }
}
