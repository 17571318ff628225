package org.gospelib.identity;

import java.util.Optional;
import java.util.UUID;

/** Which account a verified caller is, for modules that keep data per user. */
public interface Accounts {

    /**
     * The id of the caller's account: the token's subject for the built-in provider, the account
     * synced from the external provider's webhooks otherwise. Empty if there is no such account
     * (deleted, or not yet received from the provider).
     */
    Optional<UUID> userId(Caller caller);

    /**
     * The account of the signed-in reader a request comes from, for a route that serves only
     * them: a 401 problem ({@code authentication-required}) when no verified caller is on the
     * request, a 404 ({@code unknown-user}) when the caller has no account.
     */
    default UUID signedIn(jakarta.servlet.http.HttpServletRequest request) {
        Caller caller = Caller.of(request).orElseThrow(() -> new org.gospelib.platform.ProblemException(
                "authentication-required", "Sign in required", 401, "this route serves signed-in readers only"));
        return userId(caller).orElseThrow(() -> new org.gospelib.platform.ProblemException(
                "unknown-user", "Unknown user", 404, "no account for this token's subject"));
    }

    /**
     * Where and how to write to an account's owner: their address, whether it is proven, and
     * their language. Empty if there is no such account.
     */
    Optional<Contact> contact(UUID userId);

    /** @param language {@code en} or {@code es} */
    record Contact(String email, boolean verified, String language) {
    }
}
