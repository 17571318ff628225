package org.gospelib.identity.internal;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.gospelib.identity.IdentityProperties;
import org.gospelib.identity.PublicKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The built-in provider's signing keys, kept in PostgreSQL so every replica signs with the same
 * key and a restart logs nobody out. One key signs; when it is older than the rotation period a
 * new one is published, takes over two minutes later (when every replica has reloaded it), and the
 * old one stays in the JWKS until every token it signed has expired, so rotation logs nobody out
 * either.
 */
class KeyRing implements PublicKeys {

    private static final Logger log = LoggerFactory.getLogger(KeyRing.class);
    /** Longer than the JWKS reload period, so every replica knows a key before it signs. */
    static final Duration PROPAGATION = Duration.ofMinutes(2);
    /** Serialises key creation across replicas. */
    private static final long ROTATION_LOCK = 0x6b657972696e67L;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final IdentityProperties properties;
    private final Clock clock;
    private volatile Loaded loaded = new Loaded(Optional.empty(), new JWKSet());

    private record Loaded(Optional<SigningKey> signing, JWKSet published) {
    }

    KeyRing(JdbcClient jdbc, TransactionTemplate transactions, IdentityProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** Creates the first key, or the next one when the signing key is due, then reloads. */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1M")
    void refresh() {
        Instant now = clock.instant();
        if (rotationDue(loadAll(), now, properties.keyRotation())) {
            transactions.executeWithoutResult(tx -> {
                jdbc.sql("select pg_advisory_xact_lock(?)").param(ROTATION_LOCK).query().singleRow();
                List<SigningKey> keys = loadAll();
                if (rotationDue(keys, now, properties.keyRotation())) insertNext(keys.isEmpty() ? now : now.plus(PROPAGATION));
            });
        }
        reload();
    }

    /** Makes a new key the signing key now, whatever the age of the current one (operators, tests). */
    void rotate() {
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("select pg_advisory_xact_lock(?)").param(ROTATION_LOCK).query().singleRow();
            insertNext(clock.instant());
        });
        reload();
    }

    /**
     * An operator's rotation: a new key is published now and signs once every replica has it
     * ({@link #PROPAGATION}), as a scheduled rotation does, so no token it signs is refused.
     */
    void rotateSoon() {
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("select pg_advisory_xact_lock(?)").param(ROTATION_LOCK).query().singleRow();
            insertNext(clock.instant().plus(PROPAGATION));
        });
        reload();
    }

    /**
     * Due when there is no key, or when no key is waiting to take over and the newest one has
     * signed for a whole period. {@code keys} are newest first.
     */
    static boolean rotationDue(List<SigningKey> keys, Instant now, Duration period) {
        return keys.stream().findFirst()
                .map(newest -> !newest.createdAt().isAfter(now) && newest.createdAt().plus(period).isBefore(now))
                .orElse(true);
    }

    /** The key that signs at {@code now}: the newest one active and not retired. */
    static Optional<SigningKey> signingAt(List<SigningKey> keys, Instant now) {
        return keys.stream()
                .filter(k -> !k.createdAt().isAfter(now) && k.retiredAt().map(now::isBefore).orElse(true))
                .findFirst();
    }

    /** Keys that verify at {@code now}: waiting, signing, or retired less than {@code stillValid} ago. */
    static List<SigningKey> publishedAt(List<SigningKey> keys, Instant now, Duration stillValid) {
        return keys.stream().filter(k -> k.retiredAt().map(at -> at.plus(stillValid).isAfter(now)).orElse(true)).toList();
    }

    /**
     * The next key is published at once but signs only from {@code activation}: every replica
     * reloads the JWKS within a minute, so by the time a token signed with it reaches one, that
     * replica knows the key.
     */
    private void insertNext(Instant activation) {
        jdbc.sql("update signing_key set retired_at = ? where retired_at is null").param(Timestamp.from(activation)).update();
        SigningKey key = SigningKey.generate(activation);
        jdbc.sql("insert into signing_key (kid, algorithm, private_key, public_jwk, created_at) values (?, 'RS256', ?, ?, ?)")
                .params(key.kid(), key.pkcs8(), key.publicJwkJson(), Timestamp.from(activation))
                .update();
        log.info("signing key {} signs access tokens from {}", key.kid(), activation);
    }

    void reload() {
        Instant now = clock.instant();
        Duration stillValid = stillValid();
        List<SigningKey> keys = loadAll();
        Optional<SigningKey> signing = signingAt(keys, now);
        List<JWK> published = publishedAt(keys, now, stillValid).stream().map(k -> (JWK) k.jwk().toPublicJWK()).toList();
        loaded = new Loaded(signing, new JWKSet(published));
    }

    /** How long a retired key still verifies: until the last token it signed expires (plus the clock skew). */
    private Duration stillValid() {
        return properties.accessTokenTtl().plus(properties.clockSkew()).plusMinutes(1);
    }

    private List<SigningKey> loadAll() {
        return jdbc.sql("select public_jwk, private_key, created_at, retired_at from signing_key order by created_at desc")
                .query((rs, n) -> SigningKey.restore(rs.getString(1), rs.getBytes(2), rs.getTimestamp(3).toInstant(),
                        Optional.ofNullable(rs.getTimestamp(4)).map(Timestamp::toInstant)))
                .list();
    }

    /** Where a key is in its life. */
    enum KeyPhase { WAITING, SIGNING, VERIFYING, EXPIRED }

    /** A key as operators see it: no private part. */
    record KeyState(String kid, KeyPhase phase, Instant signsFrom, Optional<Instant> retiredAt, Optional<Instant> publishedUntil) {
    }

    /** Every key, newest first, and when the signing key is due to be replaced. */
    record Rotation(Duration period, Optional<Instant> nextRotation, List<KeyState> keys) {
    }

    Rotation rotation() {
        Instant now = clock.instant();
        Duration stillValid = stillValid();
        List<SigningKey> keys = loadAll();
        Optional<SigningKey> signing = signingAt(keys, now);
        List<KeyState> states = keys.stream().map(k -> {
            Optional<Instant> until = k.retiredAt().map(at -> at.plus(stillValid));
            KeyPhase phase = k.createdAt().isAfter(now) ? KeyPhase.WAITING
                    : signing.map(sk -> sk.kid().equals(k.kid())).orElse(false) ? KeyPhase.SIGNING
                    : until.map(now::isBefore).orElse(true) ? KeyPhase.VERIFYING : KeyPhase.EXPIRED;
            return new KeyState(k.kid(), phase, k.createdAt(), k.retiredAt(), until);
        }).toList();
        Optional<Instant> next = keys.stream().findFirst().map(newest -> newest.createdAt().plus(properties.keyRotation()));
        return new Rotation(properties.keyRotation(), next, states);
    }

    SigningKey signingKey() {
        return loaded.signing().orElseThrow(() -> new IllegalStateException("no signing key loaded"));
    }

    @Override
    public JWKSet publicKeys() {
        return loaded.published();
    }
}
