package org.gospelib.billing.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A subscription as Stripe describes it now: what GospeLib keeps of it.
 *
 * @param userId the account it was bought for (the metadata Checkout put on it), if Stripe has it
 */
record StripeSubscription(String id, String customerId, Optional<UUID> userId, SubscriptionStatus status, String priceId,
        Optional<Instant> currentPeriodEnd, boolean cancelAtPeriodEnd, Optional<Instant> canceledAt) {
}
