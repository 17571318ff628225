package org.gospelib.gateway.internal;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gospelib.identity.Caller;
import org.gospelib.identity.Plan;
import org.gospelib.identity.Role;

/**
 * Verifies an access token and turns it into a {@link Caller}. The algorithm is pinned (RS256):
 * {@code none}, HMAC with the public key as secret, and any other algorithm are refused before a
 * key is looked up. Then the signature against the issuer's keys (by {@code kid}), the issuer,
 * the audience (or, for Clerk, the authorized party), expiry and not-before with a small skew.
 */
final class AccessTokenVerifier {

    /**
     * Whom tokens are trusted from.
     *
     * @param issuer            required {@code iss}
     * @param audience          required {@code aud}, or empty when the issuer sets none
     * @param authorizedParties accepted {@code azp}; empty accepts any
     * @param clockSkew         tolerance on {@code exp} and {@code nbf}
     */
    record Trust(String issuer, Optional<String> audience, Set<String> authorizedParties, Duration clockSkew) {
        Trust {
            authorizedParties = Set.copyOf(authorizedParties);
        }
    }

    /** Why a token was refused; the message is safe to show the client. */
    static final class InvalidToken extends Exception {
        InvalidToken(String message) {
            super(message);
        }
    }

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final Trust trust;

    AccessTokenVerifier(Trust trust, JWKSource<SecurityContext> keys) {
        this.trust = trust;
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, null, new JOSEObjectType("at+jwt")));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                trust.audience().orElse(null),
                new JWTClaimsSet.Builder().issuer(trust.issuer()).build(),
                Set.of("sub", "exp", "iat"));
        claims.setMaxClockSkew((int) trust.clockSkew().toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
    }

    Caller verify(String token) throws InvalidToken {
        if (token.length() > BearerTokens.MAX_LENGTH) throw new InvalidToken("token too long");
        long now = System.currentTimeMillis();
        Verified cached = verified.get(token);
        if (cached != null && now < cached.goodUntilMillis()) return cached.caller();
        JWTClaimsSet claims = verifyNow(token);
        Caller caller = new Caller(claims.getSubject(), roles(claims), plan(claims));
        long expiry = claims.getExpirationTime().getTime() + trust.clockSkew().toMillis();
        if (verified.size() >= CACHE_SIZE) verified.clear();
        verified.put(token, new Verified(caller, Math.min(now + CACHE_TTL_MILLIS, expiry)));
        return caller;
    }

    /**
     * An RSA signature check costs more than serving a verse; a client sends the same token for
     * minutes. The key is the whole compact token, signature included, so only the identical
     * string that was verified can hit; an entry lives until the token expires, at most a minute.
     */
    private static final int CACHE_SIZE = 10_000;
    private static final long CACHE_TTL_MILLIS = 60_000;
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    private record Verified(Caller caller, long goodUntilMillis) {
    }

    private JWTClaimsSet verifyNow(String token) throws InvalidToken {
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (BadJWTException e) {
            throw new InvalidToken(e.getMessage());
        } catch (BadJOSEException e) {
            throw new InvalidToken("signature or algorithm not accepted");
        } catch (ParseException e) {
            throw new InvalidToken("not a JWT");
        } catch (com.nimbusds.jose.JOSEException | RuntimeException e) {
            throw new InvalidToken("token cannot be verified");
        }
        if (!trust.authorizedParties().isEmpty()) {
            Object azp = claims.getClaim("azp");
            if (!(azp instanceof String party) || !trust.authorizedParties().contains(party)) {
                throw new InvalidToken("authorized party not accepted");
            }
        }
        return claims;
    }

    private static Set<Role> roles(JWTClaimsSet claims) {
        Set<Role> roles = EnumSet.of(Role.USER);
        Object value = claims.getClaim("roles");
        if (value instanceof List<?> list) {
            for (Object role : list) if (role instanceof String name) Role.fromClaim(name).ifPresent(roles::add);
        }
        return new HashSet<>(roles);
    }

    private static Plan plan(JWTClaimsSet claims) {
        return claims.getClaim("plan") instanceof String plan ? Plan.fromClaim(plan) : Plan.FREE;
    }
}
