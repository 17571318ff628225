package org.gospelib.identity.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of the identity API. */
final class ApiModel {

    private ApiModel() {
    }

    record SignUp(String email, String password, String displayName) {
        SignUp {
            if (email == null) email = "";
            if (password == null) password = "";
            if (displayName == null) displayName = "";
        }
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

    record User(UUID id, String email, String displayName, List<String> roles, String plan, Instant createdAt) {
        static User of(UserAccount account) {
            List<String> roles = account.role() == org.gospelib.identity.Role.ADMIN ? List.of("user", "admin") : List.of("user");
            return new User(account.id(), account.email(), account.displayName(), roles, account.plan().claim(),
                    account.createdAt());
        }
    }
}
