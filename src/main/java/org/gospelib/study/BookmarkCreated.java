package org.gospelib.study;

import java.time.Instant;
import java.util.UUID;

/** A user kept a new bookmark on a passage ({@code osis}, KJV numbering). */
public record BookmarkCreated(UUID userId, UUID itemId, String osis, Instant at) {
}
