package org.gospelib.identity.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of the identity API. */
final class ApiModel {

    private ApiModel() {
    }

    /** @param language the account emails' language ({@code en}, {@code es}); the request's Accept-Language if empty */
    record SignUp(String email, String password, String displayName, String language) {
        SignUp {
            if (email == null) email = "";
            if (password == null) password = "";
            if (displayName == null) displayName = "";
            if (language == null) language = "";
        }
    }

    record PasswordResetRequest(String email) {
        PasswordResetRequest {
            if (email == null) email = "";
        }
    }

    record PasswordReset(String token, String password) {
        PasswordReset {
            if (token == null) token = "";
            if (password == null) password = "";
        }
    }

    /** The secret of an emailed link, as the page the link opens posts it. */
    record LinkToken(String token) {
        LinkToken {
            if (token == null) token = "";
        }
    }

    record EmailChange(String email, String password) {
        EmailChange {
            if (email == null) email = "";
            if (password == null) password = "";
        }
    }

    /** An email is (or, for a password reset, may be) on its way. */
    record EmailAccepted(String detail) {
    }

    record Credentials(String email, String password) {
        Credentials {
            if (email == null) email = "";
            if (password == null) password = "";
        }
    }

    record Refresh(String refreshToken) {
        Refresh {
            if (refreshToken == null) refreshToken = "";
        }
    }

    record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken) {
    }

    record SessionResponse(String csrfToken, Instant expiresAt) {
    }

    record User(UUID id, String email, boolean emailVerified, String displayName, String language, List<String> roles,
            String plan, Instant createdAt) {
        static User of(UserAccount account) {
            List<String> roles = account.role() == org.gospelib.identity.Role.ADMIN ? List.of("user", "admin") : List.of("user");
            return new User(account.id(), account.email(), account.emailVerifiedAt().isPresent(), account.displayName(),
                    account.language(), roles, account.plan().claim(), account.createdAt());
        }
    }
}
