package org.gospelib.identity;

import java.time.Instant;
import java.util.UUID;
import org.gospelib.platform.DomainEvent;

/** A user account and everything identity held about it are gone; other modules delete theirs. */
public record UserDeleted(UUID userId, Instant at) implements DomainEvent {

    @Override
    public String eventId() {
        return "user_deleted_" + userId;
    }
}
