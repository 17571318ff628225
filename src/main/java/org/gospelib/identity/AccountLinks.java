package org.gospelib.identity;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The secrets of emailed account links, minted by the identity service as each email is sent. */
public interface AccountLinks {

    /**
     * A new secret for the request of an {@link AccountEmailRequested} that carries a link,
     * replacing any secret minted for it before (a retried send makes the earlier link useless).
     * Empty when the request was used, superseded by a newer one, or has expired: its email is no
     * longer worth sending.
     */
    Optional<AccountLink> issue(UUID requestId);

    /** @param token the secret the link carries; @param expiresAt when it stops working */
    record AccountLink(String token, Instant expiresAt) {
    }
}
