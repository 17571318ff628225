package org.gospelib.identity.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.gospelib.identity.Plan;
import org.gospelib.identity.Role;

/** A row of {@code app_user}. */
record UserAccount(UUID id, String email, Optional<String> passwordHash, Optional<String> externalId,
        String displayName, Role role, Plan plan, Instant createdAt, Optional<Instant> emailVerifiedAt, String language) {
}
