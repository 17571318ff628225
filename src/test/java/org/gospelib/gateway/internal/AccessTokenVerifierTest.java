package org.gospelib.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gospelib.identity.Caller;
import org.gospelib.identity.Plan;
import org.gospelib.identity.Role;
import org.gospelib.support.Tokens;
import org.junit.jupiter.api.Test;

class AccessTokenVerifierTest {

    static final String ISSUER = "urn:gospelib";
    static final String AUDIENCE = "gospelib-api";
    static final RSAKey KEY = Tokens.newRsaKey();
    static final RSAKey OTHER_KEY = Tokens.newRsaKey();

    final AccessTokenVerifier verifier = new AccessTokenVerifier(
            new AccessTokenVerifier.Trust(ISSUER, Optional.of(AUDIENCE), Set.of(), Duration.ofSeconds(30)),
            new ImmutableJWKSet<>(new JWKSet(KEY.toPublicJWK())));

    static JWTClaimsSet.Builder valid() {
        return Tokens.claims(ISSUER, AUDIENCE, "user-1");
    }

    @Test
    void acceptsAGoodTokenWithRolesAndPlan() throws Exception {
        Caller caller = verifier.verify(Tokens.rs256(KEY, valid().claim("roles", List.of("user", "admin")).claim("plan", "plus").build()));
        assertThat(caller.subject()).isEqualTo("user-1");
        assertThat(caller.roles()).containsExactlyInAnyOrder(Role.USER, Role.ADMIN);
        assertThat(caller.plan()).isEqualTo(Plan.PLUS);
    }

    @Test
    void unknownRolesAndPlansFallBackToTheLeast() throws Exception {
        Caller caller = verifier.verify(Tokens.rs256(KEY, valid().claim("roles", List.of("root", 7)).claim("plan", "gold").build()));
        assertThat(caller.roles()).containsExactly(Role.USER);
        assertThat(caller.plan()).isEqualTo(Plan.FREE);
    }

    @Test
    void rejectsASignatureByAnotherKeyWithTheSameKid() {
        RSAKey forger = new RSAKey.Builder(OTHER_KEY).keyID(KEY.getKeyID()).build();
        assertRejected(Tokens.rs256(forger, valid().build()));
    }

    @Test
    void rejectsATamperedPayload() {
        String token = Tokens.rs256(KEY, valid().build());
        assertRejected(Tokens.withTamperedPayload(token, valid().claim("roles", List.of("admin")).build()));
    }

    @Test
    void rejectsAlgNone() {
        assertRejected(Tokens.unsigned(valid().build()));
    }

    @Test
    void rejectsHs256SignedWithThePublicKey() {
        assertRejected(Tokens.hs256WithPublicKey(KEY, valid().build()));
    }

    @Test
    void rejectsAnUnknownKid() {
        assertRejected(Tokens.rs256(OTHER_KEY, valid().build()));
    }

    @Test
    void rejectsTheWrongAudienceOrIssuerOrNone() {
        assertRejected(Tokens.rs256(KEY, valid().audience("someone-else").build()));
        assertRejected(Tokens.rs256(KEY, Tokens.claims(ISSUER, null, "user-1").build()));
        assertRejected(Tokens.rs256(KEY, valid().issuer("https://evil.example").build()));
    }

    @Test
    void rejectsExpiredBeyondTheSkewButToleratesWithin() throws Exception {
        Instant now = Instant.now();
        assertRejected(Tokens.rs256(KEY, valid().expirationTime(Date.from(now.minusSeconds(60))).build()));
        assertThat(verifier.verify(Tokens.rs256(KEY, valid().expirationTime(Date.from(now.minusSeconds(10))).build()))).isNotNull();
    }

    @Test
    void rejectsNotBeforeInTheFutureBeyondTheSkew() throws Exception {
        Instant now = Instant.now();
        assertRejected(Tokens.rs256(KEY, valid().notBeforeTime(Date.from(now.plusSeconds(120))).build()));
        assertThat(verifier.verify(Tokens.rs256(KEY, valid().notBeforeTime(Date.from(now.plusSeconds(10))).build()))).isNotNull();
    }

    @Test
    void rejectsTokensWithoutSubjectOrExpiry() {
        assertRejected(Tokens.rs256(KEY, new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject("u")
                .issueTime(new Date()).build()));
        assertRejected(Tokens.rs256(KEY, new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE)
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(60))).build()));
    }

    @Test
    void rejectsGarbage() {
        for (String garbage : List.of("", "a", "a.b", "a.b.c", "eyJhbGciOiJSUzI1NiJ9.e30.", "x".repeat(9000))) {
            assertRejected(garbage);
        }
    }

    @Test
    void checksTheAuthorizedPartyWhenConfigured() throws Exception {
        AccessTokenVerifier clerkLike = new AccessTokenVerifier(
                new AccessTokenVerifier.Trust(ISSUER, Optional.empty(), Set.of("https://app.example"), Duration.ofSeconds(30)),
                new ImmutableJWKSet<>(new JWKSet(KEY.toPublicJWK())));
        assertThat(clerkLike.verify(Tokens.rs256(KEY, Tokens.claims(ISSUER, null, "user_2").claim("azp", "https://app.example").build())))
                .extracting(Caller::subject).isEqualTo("user_2");
        assertThatThrownBy(() -> clerkLike.verify(Tokens.rs256(KEY, Tokens.claims(ISSUER, null, "user_2")
                .claim("azp", "https://evil.example").build()))).isInstanceOf(AccessTokenVerifier.InvalidToken.class);
        assertThatThrownBy(() -> clerkLike.verify(Tokens.rs256(KEY, Tokens.claims(ISSUER, null, "user_2").build())))
                .isInstanceOf(AccessTokenVerifier.InvalidToken.class);
    }

    private void assertRejected(String token) {
        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(AccessTokenVerifier.InvalidToken.class);
    }
}
