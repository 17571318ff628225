package org.gospelib.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.gospelib.support.Http;
import org.gospelib.support.RunningApplication;
import org.gospelib.support.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The built-in identity provider and the gateway in front of it, over real HTTP. */
class IdentityApiTests extends RunningApplication {

    static final String PASSWORD = "correct horse battery staple";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ConfigurableApplicationContext context;

    record Account(String id, String email) {
    }

    record Pair(String access, String refresh) {
    }

    Account signUp() {
        String email = "reader-" + UUID.randomUUID() + "@example.test";
        Http.Response response = http.postJson("/v1/auth/signup",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"A Reader\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return new Account(response.json().get("id").asString(), email);
    }

    Pair signIn(String email) {
        Http.Response response = http.postJson("/v1/auth/token", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).contains("no-store");
        return new Pair(response.json().get("accessToken").asString(), response.json().get("refreshToken").asString());
    }

    Http.Response refresh(String refreshToken) {
        return http.postJson("/v1/auth/refresh", "{\"refreshToken\":\"" + refreshToken + "\"}");
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    static String problemType(Http.Response response) {
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        return response.json().get("type").asString().replace("https://gospelib.org/problems/", "");
    }

    int users(String id) {
        return jdbc.sql("select count(*) from app_user where id = ?::uuid").param(id).query(Integer.class).single();
    }

    @Test
    void signUpSignInRefreshCallBeRateLimitedAndSignOut() {
        Account account = signUp();
        Pair first = signIn(account.email());

        Http.Response refreshed = refresh(first.refresh());
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        Pair second = new Pair(refreshed.json().get("accessToken").asString(), refreshed.json().get("refreshToken").asString());
        assertThat(second.refresh()).isNotEqualTo(first.refresh());

        Http.Response me = http.get("/v1/me", "Authorization", bearer(second.access()));
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().get("email").asString()).isEqualTo(account.email());
        assertThat(me.json().get("roles").toString()).isEqualTo("[\"user\"]");
        assertThat(me.header("RateLimit-Limit")).isEqualTo("40");

        Http.Response limited = null;
        for (int i = 0; i < 100 && limited == null; i++) {
            Http.Response r = http.get("/v1/me", "Authorization", bearer(second.access()));
            assertThat(r.header("RateLimit-Limit")).isEqualTo("40");
            if (r.status() == 429) limited = r;
            else assertThat(r.status()).isEqualTo(200);
        }
        assertThat(limited).as("the free plan's 40 requests run out").isNotNull();
        assertThat(problemType(limited)).isEqualTo("rate-limited");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(limited.header("RateLimit-Remaining")).isEqualTo("0");
        assertThat(Long.parseLong(limited.header("RateLimit-Reset"))).isBetween(1L, 60L);

        assertThat(http.postJson("/v1/auth/logout", "{\"refreshToken\":\"" + second.refresh() + "\"}").status()).isEqualTo(204);
        Http.Response afterLogout = refresh(second.refresh());
        assertThat(afterLogout.status()).isEqualTo(401);
        assertThat(problemType(afterLogout)).isEqualTo("invalid-refresh-token");
    }

    @Test
    void reusingARefreshTokenRevokesTheWholeFamily() {
        Pair pair = signIn(signUp().email());
        Http.Response rotated = refresh(pair.refresh());
        assertThat(rotated.status()).isEqualTo(200);
        String next = rotated.json().get("refreshToken").asString();

        Http.Response reuse = refresh(pair.refresh());
        assertThat(reuse.status()).isEqualTo(401);
        assertThat(problemType(reuse)).isEqualTo("invalid-refresh-token");
        assertThat(reuse.json().get("detail").asString()).contains("already used");

        Http.Response legitimate = refresh(next);
        assertThat(legitimate.status()).as("the token issued before the reuse is revoked too").isEqualTo(401);
        assertThat(refresh("rt_unknown").status()).isEqualTo(401);
    }

    @Test
    void badTokensAreRejectedWithoutSideEffects() throws Exception {
        Account account = signUp();
        Pair good = signIn(account.email());
        JWKSet published = JWKSet.parse(http.get("/.well-known/jwks.json").body());
        RSAKey publicKey = (RSAKey) published.getKeys().getFirst();
        RSAKey forger = new RSAKey.Builder(Tokens.newRsaKey()).keyID(publicKey.getKeyID()).build();
        JWTClaimsSet valid = Tokens.claims("urn:gospelib", "gospelib-api", account.id()).build();

        List<String> bad = new ArrayList<>(List.of(
                Tokens.rs256(forger, valid),
                Tokens.unsigned(valid),
                Tokens.hs256WithPublicKey(publicKey, valid),
                Tokens.rs256(forger, Tokens.claims("urn:gospelib", "someone-else", account.id()).build()),
                Tokens.withTamperedPayload(good.access(), Tokens.claims("urn:gospelib", "gospelib-api", account.id())
                        .claim("roles", List.of("user", "admin")).build())));
        for (String token : bad) {
            Http.Response response = http.send("DELETE", "/v1/me", (String) null, "Authorization", bearer(token));
            assertThat(response.status()).as(token).isEqualTo(401);
            assertThat(problemType(response)).isEqualTo("invalid-token");
            assertThat(response.header("WWW-Authenticate")).contains("invalid_token");
            assertThat(users(account.id())).isEqualTo(1);
        }
        assertThat(http.get("/v1/me", "Authorization", bearer(good.access())).status()).isEqualTo(200);

        Http.Response two = http.get("/v1/me", "Authorization", bearer(good.access()), "Authorization",
                bearer(signIn(account.email()).access()));
        assertThat(two.status()).isEqualTo(400);
        assertThat(problemType(two)).isEqualTo("multiple-credentials");

        Http.Response notBearer = http.get("/v1/verses/John.3.16", "Authorization", "Basic dXNlcjpwYXNz");
        assertThat(notBearer.status()).isEqualTo(401);
        assertThat(problemType(notBearer)).isEqualTo("invalid-token");
    }

    @Test
    void publicContentStaysAnonymousAndProbesAreExempt() {
        Http.Response verse = http.get("/v1/verses/John.3.16");
        assertThat(verse.status()).isEqualTo(200);
        assertThat(verse.header("RateLimit-Limit")).isNotEmpty();
        assertThat(verse.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(verse.header("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(verse.header("X-Request-Id")).isNotEmpty();

        Http.Response docs = http.get("/v1/swagger-ui/index.html");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.header("Content-Security-Policy")).as("the documentation runs scripts").isEmpty();
        assertThat(docs.header("X-Frame-Options")).isEqualTo("DENY");

        for (String probe : List.of("/readyz", "/livez")) {
            Http.Response r = http.get(probe);
            assertThat(r.status()).as(probe).isEqualTo(200);
            assertThat(r.header("RateLimit-Limit")).as(probe).isEmpty();
        }
        // metrics are for operators: on the management port only, never on the public one
        for (String actuator : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/health", "/actuator")) {
            assertThat(http.get(actuator).status()).as(actuator).isEqualTo(404);
        }
        assertThat(management.get("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(management.get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    @Test
    void userDataNeedsAUserAndAdminRoutesTheAdminRole() {
        Http.Response anonymous = http.get("/v1/me");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(problemType(anonymous)).isEqualTo("authentication-required");

        Account user = signUp();
        Pair userTokens = signIn(user.email());
        Http.Response forbidden = http.get("/v1/admin/users/" + user.id(), "Authorization", bearer(userTokens.access()));
        assertThat(forbidden.status()).isEqualTo(404);
        assertThat(problemType(forbidden)).isEqualTo("not-found");

        // the configured admin email gets the admin role (the account survives between runs)
        http.postJson("/v1/auth/signup", "{\"email\":\"admin@gospelib.test\",\"password\":\"" + PASSWORD + "\"}");
        Pair admin = signIn("admin@gospelib.test");
        Http.Response lookup = http.get("/v1/admin/users/" + user.id(), "Authorization", bearer(admin.access()));
        assertThat(lookup.status()).as(lookup.body()).isEqualTo(200);
        assertThat(lookup.json().get("email").asString()).isEqualTo(user.email());
    }

    @Test
    void badSignUpsAndSignInsAreProblemsNeverServerErrors() {
        Account taken = signUp();
        assertThat(problemType(http.postJson("/v1/auth/signup", "{\"email\":\"x@example.test\",\"password\":\"short\"}")))
                .isEqualTo("weak-password");
        assertThat(problemType(http.postJson("/v1/auth/signup", "{\"email\":\"not-an-email\",\"password\":\"" + PASSWORD + "\"}")))
                .isEqualTo("invalid-email");
        Http.Response duplicate = http.postJson("/v1/auth/signup",
                "{\"email\":\"" + taken.email().toUpperCase() + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(problemType(duplicate)).isEqualTo("email-taken");

        Http.Response wrongPassword = http.postJson("/v1/auth/token",
                "{\"email\":\"" + taken.email() + "\",\"password\":\"wrong password here\"}");
        Http.Response unknownEmail = http.postJson("/v1/auth/token",
                "{\"email\":\"nobody-" + UUID.randomUUID() + "@example.test\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownEmail.status()).isEqualTo(401);
        assertThat(wrongPassword.json().get("detail")).isEqualTo(unknownEmail.json().get("detail"));

        for (String body : List.of("", "{", "[]", "{\"email\":5}", "null", "{\"email\":\"a@b\",\"password\":[1]}")) {
            Http.Response r = http.postJson("/v1/auth/token", body);
            assertThat(r.status()).as(body).isBetween(400, 499);
            assertThat(r.header("Content-Type")).as(body).startsWith("application/problem+json");
        }

        Http.Response tooLarge = http.postJson("/v1/auth/signup", "{\"email\":\"" + "a".repeat(100_000) + "\"}");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(problemType(tooLarge)).isEqualTo("payload-too-large");
    }

    @Test
    void tooManyWrongPasswordsLockTheEmailNotOthersAndTheRightPasswordClearsTheCount() {
        Account target = signUp();
        Account neighbour = signUp();
        String wrong = "{\"email\":\"" + target.email() + "\",\"password\":\"not the password at all\"}";
        // nine failures, then the right password: signed in, and the count starts again
        for (int i = 0; i < 9; i++) assertThat(http.postJson("/v1/auth/token", wrong).status()).isEqualTo(401);
        signIn(target.email());
        for (int i = 0; i < 10; i++) assertThat(http.postJson("/v1/auth/token", wrong).status()).isEqualTo(401);
        // the tenth failure locked the email: even the right password is refused, by either door
        Http.Response locked = http.postJson("/v1/auth/token",
                "{\"email\":\"" + target.email().toUpperCase(java.util.Locale.ROOT) + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(locked.status()).isEqualTo(429);
        assertThat(problemType(locked)).isEqualTo("too-many-sign-in-attempts");
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 15 * 60L);
        assertThat(http.postJson("/v1/auth/session",
                "{\"email\":\"" + target.email() + "\",\"password\":\"" + PASSWORD + "\"}").status()).isEqualTo(429);
        signIn(neighbour.email());
        // an email without an account is counted the same: the answers do not tell which exist
        String ghost = "{\"email\":\"nobody-" + UUID.randomUUID() + "@example.test\",\"password\":\"not the password at all\"}";
        for (int i = 0; i < 10; i++) assertThat(http.postJson("/v1/auth/token", ghost).status()).isEqualTo(401);
        assertThat(http.postJson("/v1/auth/token", ghost).status()).isEqualTo(429);
        // the lockout ends
        jdbc.sql("update sign_in_throttle set locked_until = now() - interval '1 second' where email = ?")
                .param(target.email()).update();
        signIn(target.email());
    }

    @Test
    void parallelWrongPasswordsAreCountedBeforeAnyIsChecked() throws Exception {
        Account target = signUp();
        String wrong = "{\"email\":\"" + target.email() + "\",\"password\":\"not the password at all\"}";
        int attempts = 40;
        List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(attempts)) {
            var start = new java.util.concurrent.CountDownLatch(1);
            for (int i = 0; i < attempts; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return http.postJson("/v1/auth/token", wrong).status();
                }));
            }
            start.countDown();
        }
        List<Integer> statuses = new ArrayList<>();
        for (var answer : answers) statuses.add(answer.get());
        // the limit is ten: no more than ten passwords were checked, every other attempt was refused
        assertThat(statuses).containsOnly(401, 429);
        assertThat(statuses.stream().filter(s -> s == 401).count()).isEqualTo(10);
        assertThat(http.postJson("/v1/auth/token",
                "{\"email\":\"" + target.email() + "\",\"password\":\"" + PASSWORD + "\"}").status()).isEqualTo(429);
    }

    @Test
    void jwksPublishesPublicKeysOnly() {
        Http.Response jwks = http.get("/.well-known/jwks.json");
        assertThat(jwks.status()).isEqualTo(200);
        JsonNode key = jwks.json().get("keys").get(0);
        assertThat(key.get("kty").asString()).isEqualTo("RSA");
        assertThat(key.get("alg").asString()).isEqualTo("RS256");
        assertThat(key.has("kid")).isTrue();
        assertThat(key.has("d")).isFalse();
        assertThat(key.has("p")).isFalse();
    }

    @Test
    void webSessionCookiesAreHardenedAndStateChangesNeedTheCsrfToken() {
        Account account = signUp();
        Http.Response started = http.postJson("/v1/auth/session",
                "{\"email\":\"" + account.email() + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(started.status()).isEqualTo(200);
        String csrf = started.json().get("csrfToken").asString();
        String sessionCookie = started.headers("Set-Cookie").stream().filter(c -> c.startsWith(WebSessions.SESSION_COOKIE)).findFirst().orElseThrow();
        assertThat(sessionCookie).contains("HttpOnly", "Secure", "SameSite=Strict", "Path=/");
        String csrfCookie = started.headers("Set-Cookie").stream().filter(c -> c.startsWith(WebSessions.CSRF_COOKIE)).findFirst().orElseThrow();
        assertThat(csrfCookie).contains("Secure", "SameSite=Strict").doesNotContain("HttpOnly");
        String cookie = sessionCookie.substring(0, sessionCookie.indexOf(';'));

        assertThat(http.get("/v1/me", "Cookie", cookie).status()).isEqualTo(200);

        Http.Response withoutCsrf = http.send("DELETE", "/v1/me", (String) null, "Cookie", cookie);
        assertThat(withoutCsrf.status()).isEqualTo(403);
        assertThat(problemType(withoutCsrf)).isEqualTo("csrf-token-invalid");
        Http.Response wrongCsrf = http.send("DELETE", "/v1/me", (String) null, "Cookie", cookie, WebSessions.CSRF_HEADER, "csrf_wrong");
        assertThat(wrongCsrf.status()).isEqualTo(403);
        assertThat(users(account.id())).isEqualTo(1);

        Http.Response both = http.get("/v1/me", "Cookie", cookie, "Authorization", bearer(signIn(account.email()).access()));
        assertThat(problemType(both)).isEqualTo("multiple-credentials");

        assertThat(http.send("DELETE", "/v1/auth/session", (String) null, "Cookie", cookie, WebSessions.CSRF_HEADER, csrf).status())
                .isEqualTo(204);
        Http.Response ended = http.get("/v1/me", "Cookie", cookie);
        assertThat(ended.status()).isEqualTo(401);
        assertThat(problemType(ended)).isEqualTo("invalid-session");
    }

    @Test
    void deletingTheAccountRemovesItAndPublishesUserDeleted() {
        List<Object> published = new java.util.concurrent.CopyOnWriteArrayList<>();
        ApplicationListener<ApplicationEvent> listener = e -> {
            if (e instanceof PayloadApplicationEvent<?> payload) published.add(payload.getPayload());
        };
        context.addApplicationListener(listener);
        try {
            Account account = signUp();
            Pair tokens = signIn(account.email());
            assertThat(http.send("DELETE", "/v1/me", (String) null, "Authorization", bearer(tokens.access())).status()).isEqualTo(204);
            assertThat(users(account.id())).isZero();
            assertThat(refresh(tokens.refresh()).status()).isEqualTo(401);
            Http.Response gone = http.get("/v1/me", "Authorization", bearer(tokens.access()));
            assertThat(gone.status()).isEqualTo(404);
            assertThat(problemType(gone)).isEqualTo("unknown-user");
            assertThat(published).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(UserDeleted.class,
                    d -> assertThat(d.userId()).isEqualTo(UUID.fromString(account.id()))));
        } finally {
            context.removeApplicationListener(listener);
        }
    }

    @Test
    void corsPreflightIsAnsweredForTheApi() {
        Http.Response preflight = http.send("OPTIONS", "/v1/verses/John.3.16", (String) null,
                "Origin", "https://reader.example", "Access-Control-Request-Method", "GET");
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("*");
        Http.Response actual = http.get("/v1/verses/John.3.16", "Origin", "https://reader.example");
        assertThat(actual.header("Access-Control-Expose-Headers")).contains("RateLimit-Remaining");
        assertThat(actual.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(http.get("/v1/verses/John.3.16").header("Access-Control-Allow-Origin"))
                .as("answers cached from non-CORS requests serve CORS requests too").isEqualTo("*");
    }
}
