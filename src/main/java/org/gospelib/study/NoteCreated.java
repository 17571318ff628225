package org.gospelib.study;

import java.time.Instant;
import java.util.UUID;

/** A user kept a new note on a passage ({@code osis}, KJV numbering). */
public record NoteCreated(UUID userId, UUID itemId, String osis, Instant at) {
}
