package org.gospelib.audit;

import java.util.Objects;
import java.util.Optional;

/**
 * A change an operator made.
 *
 * @param actor  the operator's user id (the caller's subject)
 * @param action what was done, a stable dotted name ({@code reader.lock}, {@code job.retry})
 * @param target what it was done to ({@code reader:<id>}, {@code dead-job:<id>})
 * @param before the target's state before, as a record written as JSON; absent for a creation
 * @param after  the state after; absent for a deletion
 */
public record AuditedChange(String actor, String action, String target, Optional<Object> before, Optional<Object> after) {

    public AuditedChange {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    /** A change of a target from one state to another. */
    public static AuditedChange of(String actor, String action, String target, Object before, Object after) {
        return new AuditedChange(actor, action, target, Optional.of(before), Optional.of(after));
    }

    /** An action with no state of its own to compare (a job put back in its queue, an ingest started). */
    public static AuditedChange action(String actor, String action, String target, Object details) {
        return new AuditedChange(actor, action, target, Optional.empty(), Optional.of(details));
    }

    /** A target removed: what it was. */
    public static AuditedChange removal(String actor, String action, String target, Object before) {
        return new AuditedChange(actor, action, target, Optional.of(before), Optional.empty());
    }
}
