package org.gospelib.billing.internal;

import com.stripe.exception.StripeException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.gospelib.billing.Entitlements;
import org.gospelib.billing.EntitlementsChanged;
import org.gospelib.identity.Plan;
import org.gospelib.identity.PlanAssignments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings one subscription in step with Stripe. Whatever told us it changed (a webhook event, in any
 * order and any number of times, or the daily reconciliation), its state is fetched from Stripe
 * now, under a lock held for the subscription, and stored; so a stale or repeated event can never
 * bring back what a later one ended. When the reader's plan changes, their account gets it and
 * {@link EntitlementsChanged} goes out, in the same transaction (through the outbox).
 */
class SubscriptionSync {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionSync.class);

    /** What one sync did. */
    enum Result { UPDATED, UNKNOWN_TO_STRIPE, UNKNOWN_READER }

    private final StripeApi stripe;
    private final SubscriptionStore store;
    private final PlusPrices prices;
    private final PlanAssignments plans;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SubscriptionSync(StripeApi stripe, SubscriptionStore store, PlusPrices prices, PlanAssignments plans,
            ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
        this.stripe = stripe;
        this.store = store;
        this.prices = prices;
        this.plans = plans;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Fetches the subscription from Stripe and stores it; {@code also} runs in the same transaction
     * (recording the webhook event that asked, so a failure leaves it to be delivered again).
     *
     * @throws StripeException when Stripe cannot be asked (the caller answers so that Stripe retries)
     */
    Result sync(String subscriptionId, Runnable also) throws StripeException {
        try {
            return transactions.execute(tx -> {
                store.lock(subscriptionId);
                Optional<StripeSubscription> now;
                try {
                    now = stripe.subscription(subscriptionId);
                } catch (StripeException e) {
                    throw new StripeUnavailable(e);
                }
                also.run();
                if (now.isPresent()) return apply(now.get());
                // Stripe no longer has it (deleted with its customer, or a test-mode clean-up): it grants nothing
                store.byId(subscriptionId).ifPresent(gone -> apply(new StripeSubscription(gone.id(),
                        store.customerOf(gone.userId()).orElse(""), Optional.of(gone.userId()), SubscriptionStatus.CANCELED,
                        gone.priceId(), gone.currentPeriodEnd(), false, gone.canceledAt().or(() -> Optional.of(clock.instant())))));
                return Result.UNKNOWN_TO_STRIPE;
            });
        } catch (StripeUnavailable e) {
            throw e.cause;
        }
    }

    /** Stores a subscription Stripe just described (the reconciliation's list); within the caller's transaction or its own. */
    Result apply(StripeSubscription subscription) {
        return transactions.execute(tx -> {
            Optional<UUID> user = subscription.userId().filter(u -> store.customerOf(u).map(subscription.customerId()::equals).orElse(true))
                    .or(() -> store.userOfCustomer(subscription.customerId()));
            if (user.isEmpty()) {
                log.warn("billing: subscription {} of customer {} belongs to no GospeLib account; ignored", subscription.id(),
                        subscription.customerId());
                return Result.UNKNOWN_READER;
            }
            Instant now = clock.instant();
            Plan before = store.plan(user.get());
            store.save(subscription, user.get(), prices.planOf(subscription.priceId()), now);
            Plan after = store.plan(user.get());
            // always: it also mends an account whose plan drifted from its subscriptions
            Optional<String> subject = plans.assign(user.get(), after);
            if (after != before && subject.isPresent()) {
                events.publishEvent(new EntitlementsChanged(user.get(), subject.get(), after, Entitlements.of(after), now));
                log.info("billing: reader {} is now on {} (subscription {} {})", user.get(), after.claim(), subscription.id(),
                        subscription.status().key());
            }
            return Result.UPDATED;
        });
    }

    /** Carries a Stripe failure out of the transaction callback, which rolls back. */
    private static final class StripeUnavailable extends RuntimeException {
        private final StripeException cause;

        StripeUnavailable(StripeException cause) {
            super(cause);
            this.cause = cause;
        }
    }
}
