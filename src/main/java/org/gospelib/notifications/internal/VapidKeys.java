package org.gospelib.notifications.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application server's key of Web Push (VAPID, RFC 8292): a P-256 key pair made at first use
 * and kept in {@code push_key}, so every replica signs with it and browsers' subscriptions, which
 * are bound to its public key, survive restarts. Each request to a push service carries a JWT it
 * signed for that service's origin, valid 12 hours. Loaded when first needed, never at start: a
 * one-off command (migrate, backup, restore) must not write a key into the database.
 */
final class VapidKeys {

    static final Duration TOKEN_LIFETIME = Duration.ofHours(12);

    private record Pair(ECPrivateKey privateKey, ECPublicKey publicKey) {
    }

    private final java.util.function.Supplier<Pair> pair;
    private final String subject;

    private VapidKeys(java.util.function.Supplier<Pair> pair, String subject) {
        this.pair = pair;
        this.subject = subject;
    }

    /** A pair at hand (tests). */
    static VapidKeys of(KeyPair keys, String subject) {
        Pair pair = new Pair((ECPrivateKey) keys.getPrivate(), (ECPublicKey) keys.getPublic());
        return new VapidKeys(() -> pair, subject);
    }

    /** The pair in the database, made and stored by the first process that needs it, when it first needs it. */
    static VapidKeys stored(JdbcClient jdbc, String subject) {
        Object lock = new Object();
        Pair[] loaded = new Pair[1];
        return new VapidKeys(() -> {
            synchronized (lock) {
                if (loaded[0] == null) {
                    try {
                        loaded[0] = loadOrCreate(jdbc);
                    } catch (GeneralSecurityException e) {
                        throw new IllegalStateException("the stored VAPID key cannot be read", e);
                    }
                }
                return loaded[0];
            }
        }, subject);
    }

    private static Pair loadOrCreate(JdbcClient jdbc) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair fresh = generator.generateKeyPair();
        jdbc.sql("insert into push_key (id, private_key, public_key, created_at) values (1, ?, ?, ?) on conflict (id) do nothing")
                .params(fresh.getPrivate().getEncoded(), WebPushMessage.uncompressed((ECPublicKey) fresh.getPublic()),
                        Timestamp.from(Instant.now()))
                .update();
        record Stored(byte[] privateKey, byte[] publicKey) {
        }
        Stored stored = jdbc.sql("select private_key, public_key from push_key where id = 1")
                .query((rs, n) -> new Stored(rs.getBytes(1), rs.getBytes(2))).single();
        ECPrivateKey privateKey = (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(stored.privateKey()));
        return new Pair(privateKey, WebPushMessage.publicKey(stored.publicKey()));
    }

    /** The public key as browsers take it ({@code applicationServerKey}): the uncompressed point, base64url. */
    String publicKeyBase64() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(WebPushMessage.uncompressed(pair.get().publicKey()));
    }

    /** The {@code Authorization} header for a request to {@code endpoint}'s push service. */
    String authorization(URI endpoint, Instant now) {
        String audience = endpoint.getScheme() + "://" + endpoint.getHost() + (endpoint.getPort() == -1 ? "" : ":" + endpoint.getPort());
        JWTClaimsSet claims = new JWTClaimsSet.Builder().audience(audience).expirationTime(Date.from(now.plus(TOKEN_LIFETIME)))
                .subject(subject).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new ECDSASigner(pair.get().privateKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a VAPID token", e);
        }
        return "vapid t=" + jwt.serialize() + ", k=" + publicKeyBase64();
    }
}
