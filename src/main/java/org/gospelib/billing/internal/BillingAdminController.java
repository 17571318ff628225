package org.gospelib.billing.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.gospelib.identity.Caller;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What operators see of subscriptions (admins only; anyone else is told the route does not exist). */
@RestController
@Tag(name = "Billing")
class BillingAdminController {

    private final SubscriptionStore store;
    private final PlusPrices prices;

    BillingAdminController(SubscriptionStore store, PlusPrices prices) {
        this.store = store;
        this.prices = prices;
    }

    /** {@code currentPeriodEnd} is absent for a subscription Stripe never started (incomplete). */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record AdminSubscription(String id, UUID userId, String status, String price, String plan, Optional<Instant> currentPeriodEnd,
            boolean cancelAtPeriodEnd, Instant updatedAt) {
    }

    record Counts(long active, long trialing, long pastDue, long other) {
    }

    record AdminSubscriptions(Counts counts, List<AdminSubscription> subscriptions) {
    }

    @GetMapping("/v1/admin/billing/subscriptions")
    @Operation(summary = "Every subscription, most recently changed first (admins only)")
    ResponseEntity<AdminSubscriptions> subscriptions(HttpServletRequest request) {
        Caller.operator(request);
        List<SubscriptionStore.Stored> all = store.all();
        Counts counts = new Counts(count(all, SubscriptionStatus.ACTIVE), count(all, SubscriptionStatus.TRIALING),
                count(all, SubscriptionStatus.PAST_DUE), all.stream().filter(s -> !s.status().grants()).count());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new AdminSubscriptions(counts, all.stream()
                .map(s -> new AdminSubscription(s.id(), s.userId(), s.status().key(), prices.nameOf(s.priceId()).orElse(s.priceId()),
                        s.plan().claim(), s.currentPeriodEnd(), s.cancelAtPeriodEnd(), s.updatedAt()))
                .toList()));
    }

    private static long count(List<SubscriptionStore.Stored> all, SubscriptionStatus status) {
        return all.stream().filter(s -> s.status() == status).count();
    }
}
