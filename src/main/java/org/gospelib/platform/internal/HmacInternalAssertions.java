package org.gospelib.platform.internal;

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
        try {
            SignedJWT jwt = SignedJWT.parse(header.strip());
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) return Optional.empty();
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = clock.instant();
            if (claims.getExpirationTime() == null || claims.getIssueTime() == null
                    || now.isAfter(claims.getExpirationTime().toInstant().plus(SKEW))
                    || now.isBefore(claims.getIssueTime().toInstant().minus(SKEW))
                    || !claims.getAudience().contains(AUDIENCE)
                    || !request.equals(claims.getStringClaim("req"))
                    || claims.getIssuer() == null) {
                return Optional.empty();
            }
            List<String> roles = claims.getStringListClaim("roles");
            String plan = claims.getStringClaim("plan");
            return Optional.of(new InternalAssertion(claims.getIssuer(), request, Optional.ofNullable(claims.getSubject()),
                    roles == null ? List.of() : roles, plan == null ? "" : plan));
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
