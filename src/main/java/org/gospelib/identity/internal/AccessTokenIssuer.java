package org.gospelib.identity.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.gospelib.identity.Plan;
import org.gospelib.identity.Role;

/**
 * Signs access tokens: RS256, the signing key's id in {@code kid}, issuer and audience as
 * configured, {@code nbf = iat}, a short lifetime, the user's roles and plan as claims.
 */
final class AccessTokenIssuer {

    private final String issuer;
    private final String audience;
    private final Duration ttl;

    AccessTokenIssuer(String issuer, String audience, Duration ttl) {
        this.issuer = issuer;
        this.audience = audience;
        this.ttl = ttl;
    }

    /** An access token and how long it lives, in seconds. */
    record Issued(String token, long expiresIn) {
    }

    Issued issue(SigningKey key, UUID userId, Role role, Plan plan, Instant now) {
        Instant issuedAt = Instant.ofEpochSecond(now.getEpochSecond());
        List<String> roles = role == Role.ADMIN ? List.of("user", "admin") : List.of("user");
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(userId.toString())
                .issueTime(Date.from(issuedAt))
                .notBeforeTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(ttl)))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", roles)
                .claim("plan", plan.claim())
                .build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.kid()).type(JOSEObjectType.JWT).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(key.jwk()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign an access token", e);
        }
        return new Issued(jwt.serialize(), ttl.toSeconds());
    }
}
