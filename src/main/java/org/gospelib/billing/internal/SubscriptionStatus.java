package org.gospelib.billing.internal;

import java.util.Locale;
import java.util.Optional;

/** A Stripe subscription's status, and whether it grants what its price buys. */
enum SubscriptionStatus {
    INCOMPLETE, INCOMPLETE_EXPIRED, TRIALING, ACTIVE, PAST_DUE, CANCELED, UNPAID, PAUSED;

    /**
     * A trial, a paid period, and a payment that failed but that Stripe is still retrying (the
     * reader keeps the plan while the card is fixed) grant the plan; nothing else does.
     */
    boolean grants() {
        return this == TRIALING || this == ACTIVE || this == PAST_DUE;
    }

    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<SubscriptionStatus> of(String stripe) {
        if (stripe == null) return Optional.empty();
        try {
            return Optional.of(valueOf(stripe.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
