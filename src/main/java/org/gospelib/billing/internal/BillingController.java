package org.gospelib.billing.internal;

import com.stripe.exception.StripeException;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gospelib.billing.BillingProperties;
import org.gospelib.billing.Entitlements;
import org.gospelib.identity.Accounts;
import org.gospelib.identity.Plan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in reader's plan and subscriptions; Checkout to subscribe, the Customer Portal to manage. */
@RestController
@Tag(name = "Billing", description = "Plans, subscriptions through Stripe, and what each plan grants")
class BillingController {

    private static final Logger log = LoggerFactory.getLogger(BillingController.class);

    private final BillingProperties properties;
    private final StripeApi stripe;
    private final SubscriptionStore store;
    private final PlusPrices prices;
    private final Accounts accounts;
    private final TransactionTemplate transactions;
    private final Clock clock;

    BillingController(BillingProperties properties, StripeApi stripe, SubscriptionStore store, PlusPrices prices,
            Accounts accounts, TransactionTemplate transactions, Clock clock) {
        this.properties = properties;
        this.stripe = stripe;
        this.store = store;
        this.prices = prices;
        this.accounts = accounts;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * One subscription: its status as Stripe last said, the price by name ({@code plus-monthly},
     * {@code plus-yearly}, or {@code other}), when the paid period ends, and whether it ends then.
     */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record SubscriptionJson(String status, String price, Optional<Instant> currentPeriodEnd, boolean cancelAtPeriodEnd,
            Instant updatedAt) {
    }

    record BillingJson(String plan, Entitlements entitlements, List<SubscriptionJson> subscriptions) {
    }

    record CheckoutRequest(String price) {
    }

    /** Where to send the reader: Stripe's page. */
    record Redirect(URI url) {
    }

    @GetMapping("/v1/me/billing")
    @Operation(summary = "The signed-in reader's plan, what it grants, and their subscriptions")
    ResponseEntity<BillingJson> billing(HttpServletRequest request) {
        UUID user = accounts.signedIn(request);
        List<SubscriptionStore.Stored> subscriptions = store.of(user);
        Plan plan = store.plan(user);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new BillingJson(plan.claim(), Entitlements.of(plan),
                subscriptions.stream().map(s -> new SubscriptionJson(s.status().key(),
                        prices.nameOf(s.priceId()).orElse("other"), s.currentPeriodEnd(), s.cancelAtPeriodEnd(),
                        s.updatedAt())).toList()));
    }

    @PostMapping(path = "/v1/me/billing/checkout", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Start a subscription", description = "Answers the address of Stripe's Checkout page for "
            + "plus-monthly or plus-yearly; the plan starts when Stripe reports the payment.")
    ResponseEntity<Redirect> checkout(@RequestBody CheckoutRequest body, HttpServletRequest request) {
        UUID user = accounts.signedIn(request);
        StripeApi api = configured();
        String price = prices.byName(body.price()).orElseThrow(() -> BillingProblems.unknownPrice(body.price()));
        if (store.plan(user) == Plan.PLUS) throw BillingProblems.alreadySubscribed();
        try {
            String customer = customer(api, user);
            return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                    .body(new Redirect(api.checkout(customer, price, user, properties.returnUrl())));
        } catch (StripeException e) {
            log.warn("billing: no checkout for reader {}: {}", user, e.toString());
            throw BillingProblems.stripeUnavailable();
        }
    }

    @PostMapping("/v1/me/billing/portal")
    @Operation(summary = "Manage the subscription", description = "Answers the address of Stripe's Customer Portal, where "
            + "the reader changes their card or plan, sees invoices, or cancels.")
    ResponseEntity<Redirect> portal(HttpServletRequest request) {
        UUID user = accounts.signedIn(request);
        StripeApi api = configured();
        String customer = store.customerOf(user).orElseThrow(BillingProblems::noCustomer);
        try {
            return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new Redirect(api.portal(customer, properties.returnUrl())));
        } catch (StripeException e) {
            log.warn("billing: no portal for reader {}: {}", user, e.toString());
            throw BillingProblems.stripeUnavailable();
        }
    }

    private StripeApi configured() {
        if (properties.stripe().key().isEmpty()) throw BillingProblems.notConfigured();
        return stripe;
    }

    /** The reader's Stripe customer, made the first time they check out. */
    private String customer(StripeApi api, UUID user) throws StripeException {
        java.util.Optional<String> known = store.customerOf(user);
        if (known.isPresent()) return known.get();
        String email = accounts.contact(user).map(Accounts.Contact::email).orElseThrow(BillingProblems::unknownUser);
        String created = api.createCustomer(user, email);
        transactions.executeWithoutResult(tx -> store.saveCustomer(user, created, clock.instant()));
        return store.customerOf(user).orElse(created);
    }
}
