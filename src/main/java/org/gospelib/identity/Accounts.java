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
     * Where and how to write to an account's owner: their address, whether it is proven, and
     * their language. Empty if there is no such account.
     */
    Optional<Contact> contact(UUID userId);

    /** @param language {@code en} or {@code es} */
    record Contact(String email, boolean verified, String language) {
    }
}
