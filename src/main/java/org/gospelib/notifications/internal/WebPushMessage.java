package org.gospelib.notifications.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A Web Push message body encrypted for one subscription (RFC 8291, {@code aes128gcm} of RFC
 * 8188): an ephemeral P-256 key agreed with the subscription's {@code p256dh} key, mixed with its
 * {@code auth} secret by HKDF-SHA-256 into a content key and nonce, one record, the key in the
 * header. Written with the JDK's own ECDH, HMAC and AES-GCM: the Java Web Push libraries are
 * unmaintained or pull in another language's runtime (docs/decisions/0015-web-push.md).
 */
final class WebPushMessage {

    /** The record size in the header: one record holds the whole message (a push service takes 4,096 bytes at most). */
    static final int RECORD_SIZE = 4096;
    /** Plaintext a single record can carry: the record size less the 16-byte tag and the 1-byte delimiter. */
    static final int MAX_PLAINTEXT = RECORD_SIZE - 17 - 86;

    private static final SecureRandom RANDOM = new SecureRandom();

    private WebPushMessage() {
    }

    /** The encrypted body for a subscription whose keys are {@code p256dh} (65 bytes, uncompressed) and {@code auth} (16 bytes). */
    static byte[] encrypt(byte[] plaintext, byte[] p256dh, byte[] auth) throws GeneralSecurityException {
        if (plaintext.length > MAX_PLAINTEXT) throw new IllegalArgumentException("a push message holds at most " + MAX_PLAINTEXT + " bytes");
        ECPublicKey receiver = publicKey(p256dh);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        KeyPair ephemeral = generator.generateKeyPair();
        byte[] ephemeralPublic = uncompressed((ECPublicKey) ephemeral.getPublic());
        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(ephemeral.getPrivate());
        agreement.doPhase(receiver, true);
        byte[] shared = agreement.generateSecret();

        // RFC 8291 §3.4: IKM = HKDF(auth, ecdh, "WebPush: info" || 0 || ua_public || as_public, 32)
        byte[] keyInfo = concat("WebPush: info\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII), p256dh, ephemeralPublic);
        byte[] ikm = hkdf(auth, shared, keyInfo, 32);
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        byte[] cek = hkdf(salt, ikm, "Content-Encoding: aes128gcm\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 16);
        byte[] nonce = hkdf(salt, ikm, "Content-Encoding: nonce\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 12);

        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
        // the last (only) record ends with the delimiter 2 (RFC 8188 §2)
        byte[] ciphertext = cipher.doFinal(concat(plaintext, new byte[] {2}));

        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(salt);
        body.writeBytes(ByteBuffer.allocate(4).putInt(RECORD_SIZE).array());
        body.write(ephemeralPublic.length);
        body.writeBytes(ephemeralPublic);
        body.writeBytes(ciphertext);
        return body.toByteArray();
    }

    /** HKDF-SHA-256 (RFC 5869): extract with {@code salt}, expand to {@code length} bytes (at most 32). */
    static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(salt, "HmacSHA256"));
        byte[] prk = mac.doFinal(ikm);
        mac.init(new SecretKeySpec(prk, "HmacSHA256"));
        mac.update(info);
        mac.update((byte) 1);
        return Arrays.copyOf(mac.doFinal(), length);
    }

    /** A P-256 public key from its uncompressed point (0x04 || x || y); refused if it is not on the curve. */
    static ECPublicKey publicKey(byte[] uncompressed) throws GeneralSecurityException {
        if (uncompressed.length != 65 || uncompressed[0] != 4) throw new GeneralSecurityException("not an uncompressed P-256 point");
        ECPoint point = new ECPoint(new BigInteger(1, Arrays.copyOfRange(uncompressed, 1, 33)),
                new BigInteger(1, Arrays.copyOfRange(uncompressed, 33, 65)));
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, p256()));
    }

    static byte[] uncompressed(ECPublicKey key) {
        byte[] point = new byte[65];
        point[0] = 4;
        copyUnsigned(key.getW().getAffineX(), point, 1);
        copyUnsigned(key.getW().getAffineY(), point, 33);
        return point;
    }

    static ECParameterSpec p256() throws GeneralSecurityException {
        java.security.AlgorithmParameters parameters = java.security.AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        return parameters.getParameterSpec(ECParameterSpec.class);
    }

    private static void copyUnsigned(BigInteger value, byte[] into, int offset) {
        byte[] bytes = value.toByteArray();
        int from = Math.max(0, bytes.length - 32);
        int length = bytes.length - from;
        System.arraycopy(bytes, from, into, offset + 32 - length, length);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) out.writeBytes(part);
        return out.toByteArray();
    }
}
