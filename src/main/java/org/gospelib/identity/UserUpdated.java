package org.gospelib.identity;

import java.time.Instant;
import java.util.UUID;

/** A user's email or name changed in the external provider. */
public record UserUpdated(UUID userId, String email, Instant at) {
}
