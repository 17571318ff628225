package org.gospelib.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.gospelib.support.Http;
import org.gospelib.support.RunningApplication;
import org.gospelib.support.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Tokens signed with the server's own key, wrong only in time; and key rotation, which must log nobody out. */
class KeyRotationTests extends RunningApplication {

    @Autowired
    KeyRing keys;
    @Autowired
    JdbcClient jdbc;

    String signUpAndSignIn(String email) {
        String password = "correct horse battery staple";
        assertThat(http.postJson("/v1/auth/signup", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}").status())
                .isEqualTo(201);
        return http.postJson("/v1/auth/token", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")
                .json().get("accessToken").asString();
    }

    @Test
    void expiredAndNotYetValidTokensFromOurOwnKeyAreRejectedWithoutSideEffects() {
        String email = "timing-" + UUID.randomUUID() + "@example.test";
        String access = signUpAndSignIn(email);
        String subject = http.get("/v1/me", "Authorization", "Bearer " + access).json().get("id").asString();
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = Tokens.claims("urn:gospelib", "gospelib-api", subject);
        String expired = Tokens.rs256(keys.signingKey().jwk(), claims.issueTime(Date.from(now.minusSeconds(3600)))
                .notBeforeTime(Date.from(now.minusSeconds(3600))).expirationTime(Date.from(now.minusSeconds(120))).build());
        String notYet = Tokens.rs256(keys.signingKey().jwk(), Tokens.claims("urn:gospelib", "gospelib-api", subject)
                .notBeforeTime(Date.from(now.plusSeconds(600))).build());
        String wrongAudience = Tokens.rs256(keys.signingKey().jwk(), Tokens.claims("urn:gospelib", "another-api", subject).build());
        String wrongIssuer = Tokens.rs256(keys.signingKey().jwk(), Tokens.claims("https://evil.example", "gospelib-api", subject).build());
        for (String token : new String[] {expired, notYet, wrongAudience, wrongIssuer}) {
            Http.Response response = http.send("DELETE", "/v1/me", (String) null, "Authorization", "Bearer " + token);
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.json().get("type").asString()).isEqualTo("https://gospelib.org/problems/invalid-token");
            assertThat(jdbc.sql("select count(*) from app_user where id = ?::uuid").param(subject).query(Integer.class).single())
                    .isEqualTo(1);
        }
        String fine = Tokens.rs256(keys.signingKey().jwk(), Tokens.claims("urn:gospelib", "gospelib-api", subject).build());
        assertThat(http.get("/v1/me", "Authorization", "Bearer " + fine).status()).isEqualTo(200);
    }

    @Test
    void rotationKeepsEarlierTokensValidAndPublishesBothKeys() throws Exception {
        String before = signUpAndSignIn("rotation-" + UUID.randomUUID() + "@example.test");
        String oldKid = JWSObject.parse(before).getHeader().getKeyID();

        keys.rotate();

        String after = signUpAndSignIn("rotation-" + UUID.randomUUID() + "@example.test");
        String newKid = JWSObject.parse(after).getHeader().getKeyID();
        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(http.get("/v1/me", "Authorization", "Bearer " + before).status()).isEqualTo(200);
        assertThat(http.get("/v1/me", "Authorization", "Bearer " + after).status()).isEqualTo(200);
        JWKSet published = JWKSet.parse(http.get("/.well-known/jwks.json").body());
        assertThat(published.getKeyByKeyId(oldKid)).isNotNull();
        assertThat(published.getKeyByKeyId(newKid)).isNotNull();
    }
}
