package org.gospelib.billing.internal;

import com.stripe.exception.StripeException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once a day, every subscription is compared with Stripe's and repaired: a webhook event that
 * never arrived (an endpoint down longer than Stripe retries, a secret rotated badly) leaves no
 * reader on the wrong plan for more than a day. Subscriptions stored here that Stripe no longer
 * lists are fetched one by one.
 */
class Reconciliation {

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

    /** What one run found. */
    record Report(int seen, int repaired, int unknownReaders) {
    }

    private final StripeApi stripe;
    private final SubscriptionStore store;
    private final SubscriptionSync sync;

    Reconciliation(StripeApi stripe, SubscriptionStore store, SubscriptionSync sync) {
        this.stripe = stripe;
        this.store = store;
        this.sync = sync;
    }

    Report run() throws StripeException {
        List<SubscriptionStore.Stored> before = store.all();
        Set<String> listed = new HashSet<>();
        int repaired = 0;
        int unknown = 0;
        for (StripeSubscription subscription : stripe.subscriptions()) {
            listed.add(subscription.id());
            boolean drifted = before.stream().filter(s -> s.id().equals(subscription.id())).findFirst()
                    .map(s -> s.status() != subscription.status() || !s.priceId().equals(subscription.priceId())
                            || s.cancelAtPeriodEnd() != subscription.cancelAtPeriodEnd()
                            || !s.currentPeriodEnd().equals(subscription.currentPeriodEnd()))
                    .orElse(true);
            SubscriptionSync.Result result = sync.apply(subscription);
            if (result == SubscriptionSync.Result.UNKNOWN_READER) unknown++;
            else if (drifted) repaired++;
        }
        for (SubscriptionStore.Stored stored : before) {
            if (listed.contains(stored.id())) continue;
            sync.sync(stored.id(), () -> { });
            repaired++;
        }
        Report report = new Report(listed.size(), repaired, unknown);
        log.info("billing: reconciled {} subscriptions with Stripe; {} repaired, {} of no GospeLib account", report.seen(),
                report.repaired(), report.unknownReaders());
        return report;
    }
}
