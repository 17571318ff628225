package org.gospelib.identity;

import java.time.Instant;
import java.util.UUID;
import org.gospelib.platform.DomainEvent;

/**
 * An account email is to be sent. It carries no secret: the link of an email that has one is
 * minted by {@link AccountLinks#issue} when the email is sent, so no usable link waits in the
 * outbox, on a topic or in a job.
 *
 * @param requestId    identifies this email (and the request behind its link, if any)
 * @param userId       the account
 * @param email        which email
 * @param recipient    the address it goes to
 * @param otherAddress the other address of an address change (the new one in a notice to the old address); empty otherwise
 * @param language     the account's language, {@code en} or {@code es}
 * @param at           when it was asked for
 */
public record AccountEmailRequested(UUID requestId, UUID userId, AccountEmail email, String recipient,
        String otherAddress, String language, Instant at) implements DomainEvent {

    @Override
    public String eventId() {
        return "account_email_" + requestId;
    }
}
