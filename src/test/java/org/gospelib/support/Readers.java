package org.gospelib.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

/** New accounts for tests, signed up and signed in over the API as a client would. */
public final class Readers {

    public static final String PASSWORD = "correct horse battery staple";
    public static final String ADMIN_EMAIL = "admin@gospelib.test";

    private Readers() {
    }

    /** A new account with a unique email; returns the email. */
    public static String signUp(Http http) {
        String email = "reader-" + UUID.randomUUID() + "@example.test";
        Http.Response response = http.postJson("/v1/auth/signup", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return email;
    }

    /** {@code Bearer <access token>} for the account. */
    public static String bearer(Http http, String email) {
        Http.Response response = http.postJson("/v1/auth/token", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return "Bearer " + response.json().get("accessToken").asString();
    }

    /** {@code Bearer <access token>} of a new account. */
    public static String newReader(Http http) {
        return bearer(http, signUp(http));
    }

    /** {@code Bearer <access token>} of the tests' admin (the account is made if missing; it outlives the run). */
    public static String admin(Http http) {
        http.postJson("/v1/auth/signup", "{\"email\":\"" + ADMIN_EMAIL + "\",\"password\":\"" + PASSWORD + "\"}");
        return bearer(http, ADMIN_EMAIL);
    }
}
