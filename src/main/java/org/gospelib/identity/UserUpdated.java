package org.gospelib.identity;

import java.time.Instant;
import java.util.UUID;
import org.gospelib.platform.DomainEvent;

/** A user's email or name changed in the external provider. */
public record UserUpdated(UUID userId, String email, Instant at) implements DomainEvent {

    @Override
    public String eventId() {
        return "user_updated_" + userId + "_" + at.toEpochMilli();
    }
}
