package org.gospelib.billing.internal;

import com.stripe.exception.StripeException;
import org.gospelib.billing.BillingProperties;
import org.gospelib.identity.UserDeleted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A deleted account stops paying: its subscriptions are cancelled at Stripe at once, then its
 * billing rows go. If Stripe cannot be reached, the listener fails and the event is delivered
 * again (the registry resubmits it), so no subscription outlives its account unnoticed.
 */
class BillingCleanup {

    private final BillingProperties properties;
    private final StripeApi stripe;
    private final SubscriptionStore store;
    private final TransactionTemplate transactions;

    BillingCleanup(BillingProperties properties, StripeApi stripe, SubscriptionStore store, TransactionTemplate transactions) {
        this.properties = properties;
        this.stripe = stripe;
        this.store = store;
        this.transactions = transactions;
    }

    @ApplicationModuleListener
    void on(UserDeleted deleted) throws StripeException {
        if (properties.stripe().key().isPresent()) {
            for (SubscriptionStore.Stored subscription : store.of(deleted.userId())) {
                if (subscription.status() != SubscriptionStatus.CANCELED && subscription.status() != SubscriptionStatus.INCOMPLETE_EXPIRED) {
                    stripe.cancel(subscription.id());
                }
            }
        }
        transactions.executeWithoutResult(tx -> store.forget(deleted.userId()));
    }
}
