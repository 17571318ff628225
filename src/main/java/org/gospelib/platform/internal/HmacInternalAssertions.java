package org.gospelib.platform.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.gospelib.platform.InternalAssertion;
import org.gospelib.platform.InternalAssertions;

/**
 * Assertions as compact JWS (HS256) over the shared secret: the standard format, checked by a
 * well-kept library (Nimbus), short enough for a header. Valid for {@link #LIFETIME}, with a
 * little leeway for clocks that differ between hosts.
 */
final class HmacInternalAssertions implements InternalAssertions {

    static final Duration LIFETIME = Duration.ofSeconds(30);
    private static final Duration SKEW = Duration.ofSeconds(5);
    private static final String AUDIENCE = "gospelib-internal";

    /**
     * A signed assertion is reused for the same caller, method and path while it has most of its
     * life left: signing (claims to JSON, HMAC, Base64) was a tenth of the gateway's work per
     * proxied read, and the same reads repeat.
     */
    static final Duration REUSE = Duration.ofSeconds(5);

    private record Signed(String token, Instant issued) {
    }

    private record Verified(InternalAssertion assertion, Instant issued, Instant expires) {
    }

    private final Cache<InternalAssertion, Signed> recent = Caffeine.newBuilder().maximumSize(10_000).build();
    /**
     * Tokens whose signature has been checked, so a token the gateway reuses is parsed and checked
     * once per service, not per request; expiry and the request binding are still checked each time.
     */
    private final Cache<String, Verified> checked = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(LIFETIME.plus(SKEW)).build();
    private final MACSigner signer;
    private final MACVerifier verifier;
    private final Clock clock;

    HmacInternalAssertions(String secret, Clock clock) {
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        if (key.length < 32) {
            throw new IllegalArgumentException("gospelib.internal.secret must be at least 32 bytes (it signs requests between services)");
        }
        try {
            this.signer = new MACSigner(key);
            this.verifier = new MACVerifier(key);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("gospelib.internal.secret cannot key HMAC-SHA256", e);
        }
        this.clock = clock;
    }

    @Override
    public String sign(InternalAssertion assertion) {
        Instant now = clock.instant();
        Signed reusable = recent.getIfPresent(assertion);
        if (reusable != null && !now.isBefore(reusable.issued()) && now.isBefore(reusable.issued().plus(REUSE))) {
            return reusable.token();
        }
        String token = signNew(assertion, now);
        recent.put(assertion, new Signed(token, now));
        return token;
    }

    private String signNew(InternalAssertion assertion, Instant now) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(assertion.issuer()).audience(AUDIENCE)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(LIFETIME)))
                .claim("req", assertion.request()).claim("roles", assertion.roles()).claim("plan", assertion.plan());
        assertion.subject().ifPresent(claims::subject);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign an internal assertion", e);
        }
        return jwt.serialize();
    }

    @Override
    public Optional<InternalAssertion> verify(String header, String request) {
        if (header == null || header.isBlank() || header.length() > 4096) return Optional.empty();
        String token = header.strip();
        Verified verified = checked.getIfPresent(token);
        if (verified == null) {
            Optional<Verified> read = read(token);
            if (read.isEmpty()) return Optional.empty();
            verified = read.get();
            checked.put(token, verified);
        }
        Instant now = clock.instant();
        if (now.isAfter(verified.expires().plus(SKEW)) || now.isBefore(verified.issued().minus(SKEW))
                || !request.equals(verified.assertion().request())) {
            return Optional.empty();
        }
        return Optional.of(verified.assertion());
    }

    /** The assertion a token carries if its signature and claims are sound; times are checked on each use. */
    private Optional<Verified> read(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) return Optional.empty();
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            String request = claims.getStringClaim("req");
            if (claims.getExpirationTime() == null || claims.getIssueTime() == null || claims.getAudience() == null
                    || !claims.getAudience().contains(AUDIENCE) || request == null || claims.getIssuer() == null) {
                return Optional.empty();
            }
            List<String> roles = claims.getStringListClaim("roles");
            String plan = claims.getStringClaim("plan");
            return Optional.of(new Verified(new InternalAssertion(claims.getIssuer(), request, Optional.ofNullable(claims.getSubject()),
                    roles == null ? List.of() : roles, plan == null ? "" : plan),
                    claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()));
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
