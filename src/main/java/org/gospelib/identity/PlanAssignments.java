package org.gospelib.identity;

import java.util.Optional;
import java.util.UUID;

/**
 * Sets the plan an account is on: billing calls it, in its own transaction, when a subscription
 * changes what the reader is entitled to. The plan is read live by web sessions and written into
 * each access token identity issues from then on.
 */
public interface PlanAssignments {

    /** @return the subject the account's tokens name (its id, or the external provider's); empty if there is no such account */
    Optional<String> assign(UUID userId, Plan plan);
}
