package org.gospelib.billing;

import java.time.Instant;
import java.util.UUID;
import org.gospelib.identity.Plan;
import org.gospelib.platform.DomainEvent;

/**
 * A reader's plan, and with it their entitlements, changed: a subscription started, lapsed,
 * recovered or ended. The reader's account carries the new plan at once (their web sessions and
 * next tokens); the gateway applies the new rate tier to the tokens already issued.
 */
public record EntitlementsChanged(UUID userId, String subject, Plan plan, Entitlements entitlements, Instant at)
        implements DomainEvent {

    @Override
    public String eventId() {
        return "entitlements_changed_" + userId + "_" + plan.claim() + "_" + at.toEpochMilli();
    }
}
