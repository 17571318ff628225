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
}
