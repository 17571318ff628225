package org.gospelib.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;
import org.gospelib.identity.WebSessions;
import org.gospelib.support.Http;
import org.gospelib.support.RunningApplication;
import org.junit.jupiter.api.Test;

/**
 * Account emails end to end, as a reader meets them: the application writes mail to its mailbox
 * folder (the collapsed default), the test opens each email, follows its link's secret to the API
 * the link's page calls, and checks what changed.
 */
class AccountEmailTests extends RunningApplication {

    static final String PASSWORD = "correct horse battery staple";
    final Mailbox mailbox = new Mailbox(Path.of("target/test-data/mailbox"));

    String signUp(String language) {
        String email = "mail-" + UUID.randomUUID() + "@example.test";
        Http.Response response = http.postJson("/v1/auth/signup",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"A <b>Reader</b>\"}",
                "Accept-Language", language);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().get("emailVerified").asBoolean()).isFalse();
        return email;
    }

    String accessToken(String email, String password) {
        Http.Response response = signIn(email, password);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return "Bearer " + response.json().get("accessToken").asString();
    }

    Http.Response signIn(String email, String password) {
        return http.postJson("/v1/auth/token", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    }

    static String problemType(Http.Response response) {
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        return response.json().get("type").asString().replace("https://gospelib.org/problems/", "");
    }

    @Test
    void signingUpEmailsALinkThatVerifiesTheAddressOnce() throws Exception {
        String email = signUp("en-GB,en;q=0.8");
        Mailbox.Mail mail = mailbox.await(email, m -> m.subject().equals("Confirm your email address"));
        assertThat(mail.link()).startsWith("http://localhost:8080/account/verify-email#token=");
        assertThat(mail.html()).contains("href=\"" + mail.link() + "\"");
        assertThat(mail.message().getHeader("List-Unsubscribe")).as("transactional mail has no unsubscribe").isNull();

        Http.Response verified = http.postJson("/v1/auth/email-verification/confirm", "{\"token\":\"" + mail.token() + "\"}");
        assertThat(verified.status()).as(verified.body()).isEqualTo(204);
        Http.Response me = http.get("/v1/me", "Authorization", accessToken(email, PASSWORD));
        assertThat(me.json().get("emailVerified").asBoolean()).isTrue();
        assertThat(me.json().get("language").asString()).isEqualTo("en");

        Http.Response again = http.postJson("/v1/auth/email-verification/confirm", "{\"token\":\"" + mail.token() + "\"}");
        assertThat(again.status()).isEqualTo(400);
        assertThat(problemType(again)).isEqualTo("invalid-account-link");
    }

    @Test
    void aResetLinkSetsANewPasswordOnceAndEndsEverySignIn() throws Exception {
        String email = signUp("en");
        Http.Response tokens = signIn(email, PASSWORD);
        String refreshToken = tokens.json().get("refreshToken").asString();
        Http.Response session = http.postJson("/v1/auth/session", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        String cookie = session.headers("Set-Cookie").stream().filter(c -> c.startsWith(WebSessions.SESSION_COOKIE)).findFirst()
                .map(c -> c.substring(0, c.indexOf(';'))).orElseThrow();
        assertThat(http.get("/v1/me", "Cookie", cookie).status()).isEqualTo(200);

        Http.Response asked = http.postJson("/v1/auth/password-reset", "{\"email\":\"" + email.toUpperCase() + "\"}");
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        Mailbox.Mail mail = mailbox.await(email, m -> m.subject().equals("Choose a new password"));
        assertThat(mail.link()).contains("/account/reset-password#token=");

        Http.Response weak = http.postJson("/v1/auth/password-reset/confirm", "{\"token\":\"" + mail.token() + "\",\"password\":\"short\"}");
        assertThat(weak.status()).isEqualTo(400);
        String newPassword = "a quite different passphrase";
        Http.Response reset = http.postJson("/v1/auth/password-reset/confirm",
                "{\"token\":\"" + mail.token() + "\",\"password\":\"" + newPassword + "\"}");
        assertThat(reset.status()).as("an unacceptable password leaves the link usable: " + reset.body()).isEqualTo(204);

        assertThat(signIn(email, PASSWORD).status()).isEqualTo(401);
        assertThat(signIn(email, newPassword).status()).isEqualTo(200);
        assertThat(http.postJson("/v1/auth/refresh", "{\"refreshToken\":\"" + refreshToken + "\"}").status())
                .as("sign-ins made with the old password end").isEqualTo(401);
        assertThat(http.get("/v1/me", "Cookie", cookie).status()).as("web sessions end").isEqualTo(401);
        mailbox.await(email, m -> m.subject().equals("Your password was changed"));

        Http.Response reused = http.postJson("/v1/auth/password-reset/confirm",
                "{\"token\":\"" + mail.token() + "\",\"password\":\"yet another passphrase\"}");
        assertThat(reused.status()).isEqualTo(400);
        assertThat(problemType(reused)).isEqualTo("invalid-account-link");
        assertThat(signIn(email, newPassword).status()).isEqualTo(200);
    }

    @Test
    void askingForAResetTellsNothingAboutWhetherAnAccountExists() throws Exception {
        String unknown = "nobody-" + UUID.randomUUID() + "@example.test";
        Http.Response forUnknown = http.postJson("/v1/auth/password-reset", "{\"email\":\"" + unknown + "\"}");
        String known = signUp("en");
        Http.Response forKnown = http.postJson("/v1/auth/password-reset", "{\"email\":\"" + known + "\"}");
        assertThat(forUnknown.status()).isEqualTo(202);
        assertThat(forKnown.status()).isEqualTo(202);
        assertThat(forUnknown.body()).isEqualTo(forKnown.body());
        mailbox.await(known, m -> m.subject().equals("Choose a new password"));
        assertThat(mailbox.to(unknown)).isEmpty();

        Http.Response malformed = http.postJson("/v1/auth/password-reset", "{\"email\":\"not an address\"}");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(problemType(malformed)).isEqualTo("invalid-email");
        for (String token : new String[] {"", "acct_forged", "x".repeat(5000), "\\u0000"}) {
            Http.Response forged = http.postJson("/v1/auth/password-reset/confirm",
                    "{\"token\":\"" + token + "\",\"password\":\"a long enough passphrase\"}");
            assertThat(forged.status()).isEqualTo(400);
            assertThat(problemType(forged)).isEqualTo("invalid-account-link");
        }
    }

    @Test
    void aNewerResetLinkReplacesTheOlderOne() {
        String email = signUp("en");
        http.postJson("/v1/auth/password-reset", "{\"email\":\"" + email + "\"}");
        Mailbox.Mail first = mailbox.await(email, m -> m.subject().equals("Choose a new password"));
        http.postJson("/v1/auth/password-reset", "{\"email\":\"" + email + "\"}");
        Mailbox.Mail second = mailbox.await(email, m -> m.subject().equals("Choose a new password") && !m.token().equals(first.token()));
        Http.Response stale = http.postJson("/v1/auth/password-reset/confirm",
                "{\"token\":\"" + first.token() + "\",\"password\":\"a long enough passphrase\"}");
        assertThat(problemType(stale)).isEqualTo("invalid-account-link");
        assertThat(http.postJson("/v1/auth/password-reset/confirm",
                "{\"token\":\"" + second.token() + "\",\"password\":\"a long enough passphrase\"}").status()).isEqualTo(204);
    }

    @Test
    void changingTheAddressNeedsTheNewOneToConfirmAndTellsTheOldOne() {
        String email = signUp("es-MX,es;q=0.9");
        String bearer = accessToken(email, PASSWORD);
        String newEmail = "moved-" + UUID.randomUUID() + "@example.test";

        Http.Response wrongPassword = http.postJson("/v1/me/email", "{\"email\":\"" + newEmail + "\",\"password\":\"not it at all\"}",
                "Authorization", bearer);
        assertThat(wrongPassword.status()).isEqualTo(403);
        assertThat(problemType(wrongPassword)).isEqualTo("wrong-password");

        Http.Response asked = http.postJson("/v1/me/email", "{\"email\":\"" + newEmail + "\",\"password\":\"" + PASSWORD + "\"}",
                "Authorization", bearer);
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        Mailbox.Mail confirm = mailbox.await(newEmail, m -> m.subject().equals("Confirma tu nueva dirección de correo"));
        assertThat(confirm.text()).contains(email);
        Mailbox.Mail notice = mailbox.await(email, m -> m.subject().equals("Se pidió cambiar tu dirección de correo"));
        assertThat(notice.text()).contains(newEmail);
        assertThat(http.get("/v1/me", "Authorization", bearer).json().get("email").asString()).isEqualTo(email);

        Http.Response confirmed = http.postJson("/v1/auth/email-change/confirm", "{\"token\":\"" + confirm.token() + "\"}");
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(204);
        Http.Response me = http.get("/v1/me", "Authorization", bearer);
        assertThat(me.json().get("email").asString()).isEqualTo(newEmail);
        assertThat(me.json().get("emailVerified").asBoolean()).isTrue();
        mailbox.await(email, m -> m.subject().equals("Tu dirección de correo cambió") && m.text().contains(newEmail));
        assertThat(signIn(newEmail, PASSWORD).status()).isEqualTo(200);
        assertThat(signIn(email, PASSWORD).status()).isEqualTo(401);

        Http.Response log = http.get("/v1/me/notifications/deliveries", "Authorization", bearer);
        assertThat(log.status()).as(log.body()).isEqualTo(200);
        assertThat(log.json().get("deliveries").findValuesAsString("kind"))
                .contains("verify-email", "confirm-new-email", "email-change-requested");
        assertThat(log.json().get("deliveries").findValuesAsString("status")).isSubsetOf("sent", "sending");
    }
}
