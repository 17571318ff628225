package org.gospelib.study;

import java.time.Instant;
import java.util.UUID;
import org.gospelib.platform.DomainEvent;

/** A user kept a new note on a passage ({@code osis}, KJV numbering). */
public record NoteCreated(UUID userId, UUID itemId, String osis, Instant at) implements DomainEvent {

    @Override
    public String eventId() {
        return "note_" + itemId;
    }
}
