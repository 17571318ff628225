package org.gospelib.gateway.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import org.gospelib.billing.EntitlementsChanged;
import org.gospelib.identity.Plan;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Plans changed since the tokens that carry them were issued: a reader who subscribes (or whose
 * subscription ends) is rate-limited by the new plan at once, not when their access token is
 * renewed. Kept for longer than an access token lives, by then every token in use carries it. In
 * the split topology each gateway replica hears of every change on the billing topic.
 */
class PlanChanges {

    /** Longer than any access token lives (15 minutes by default). */
    static final Duration KEPT = Duration.ofHours(2);

    private final Cache<String, Plan> bySubject = Caffeine.newBuilder().expireAfterWrite(KEPT).maximumSize(200_000).build();

    /** The plan a caller is on now, if it changed while their token lived. */
    Optional<Plan> of(String subject) {
        return Optional.ofNullable(bySubject.getIfPresent(subject));
    }

    void changed(String subject, Plan plan) {
        bySubject.put(subject, plan);
    }

    /** Within the process that runs billing: as soon as the change commits. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(EntitlementsChanged changed) {
        changed(changed.subject(), changed.plan());
    }
}
