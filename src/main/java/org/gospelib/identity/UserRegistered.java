package org.gospelib.identity;

import java.time.Instant;
import java.util.UUID;
import org.gospelib.platform.DomainEvent;

/** A user account was created: signed up, or first seen in the external provider's webhooks. */
public record UserRegistered(UUID userId, String email, Instant at) implements DomainEvent {

    @Override
    public String eventId() {
        return "user_registered_" + userId;
    }
}
