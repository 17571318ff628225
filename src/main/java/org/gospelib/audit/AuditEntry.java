package org.gospelib.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * A recorded change.
 *
 * @param before the target's state before, as JSON text; absent for a creation or an action
 * @param after  the state after, as JSON text; absent for a removal
 */
public record AuditEntry(long id, Instant at, String actor, String action, String target, Optional<String> before,
        Optional<String> after) {
}
