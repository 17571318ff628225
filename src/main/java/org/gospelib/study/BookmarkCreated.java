package org.gospelib.study;

import java.time.Instant;
import java.util.UUID;
import org.gospelib.platform.DomainEvent;

/** A user kept a new bookmark on a passage ({@code osis}, KJV numbering). */
public record BookmarkCreated(UUID userId, UUID itemId, String osis, Instant at) implements DomainEvent {

    @Override
    public String eventId() {
        return "bookmark_" + itemId;
    }
}
