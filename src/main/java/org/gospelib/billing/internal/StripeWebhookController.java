package org.gospelib.billing.internal;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.gospelib.billing.BillingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stripe's webhook. The signature ({@code Stripe-Signature}: {@code t=}, one or more {@code v1=})
 * is checked over the raw body with a tolerance of 300 s by Stripe's library; a forged or stale
 * delivery is refused (400) and changes nothing. Each event is handled once (its id is kept), and
 * handling it means syncing the subscription it is about from Stripe's current state, so events
 * may come in any order. While Stripe cannot be asked, the answer is 503 and Stripe delivers the
 * event again later.
 */
@RestController
@Tag(name = "Billing")
class StripeWebhookController {

    private static final Logger log = LoggerFactory.getLogger(StripeWebhookController.class);
    private static final long TOLERANCE_SECONDS = 300;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BillingProperties properties;
    private final SubscriptionSync sync;
    private final SubscriptionStore store;
    private final org.springframework.transaction.support.TransactionTemplate transactions;
    private final Clock clock;

    StripeWebhookController(BillingProperties properties, SubscriptionSync sync, SubscriptionStore store,
            org.springframework.transaction.support.TransactionTemplate transactions, Clock clock) {
        this.properties = properties;
        this.sync = sync;
        this.store = store;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What the webhook answers Stripe. */
    record Received(String event, String outcome) {
    }

    @PostMapping("/v1/billing/webhooks/stripe")
    @Operation(summary = "Stripe's webhook", description = "Signed by Stripe (Stripe-Signature). Subscription, checkout and "
            + "invoice events bring the subscription they are about in step with Stripe.")
    ResponseEntity<Received> receive(@RequestBody(required = false) byte[] body,
            @RequestHeader(name = "Stripe-Signature", required = false) String signature) {
        String secret = properties.stripe().webhookSecret();
        if (secret.isBlank()) throw BillingProblems.webhookDisabled();
        String payload = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        try {
            Webhook.Signature.verifyHeader(payload, signature == null ? "" : signature, secret, TOLERANCE_SECONDS, clock);
        } catch (SignatureVerificationException | RuntimeException e) {
            // a header that does not parse is no signature either
            throw BillingProblems.invalidSignature("the Stripe-Signature header does not sign this body with the endpoint's "
                    + "secret within 300 s");
        }
        Event event;
        try {
            event = Webhook.constructEventWithoutVerification(payload);
        } catch (RuntimeException e) {
            throw BillingProblems.invalidEvent("not a Stripe event");
        }
        JsonNode object;
        try {
            object = JSON.readTree(payload).path("data").path("object");
        } catch (RuntimeException e) {
            throw BillingProblems.invalidEvent("not a Stripe event");
        }
        if (event.getId() == null || event.getType() == null) throw BillingProblems.invalidEvent("an event has an id and a type");
        String type = event.getType();
        if (Boolean.TRUE.equals(transactions.execute(tx -> store.delivered(event.getId())))) {
            return ResponseEntity.ok(new Received(event.getId(), "duplicate"));
        }
        Optional<String> subscription = subscriptionOf(type, object);
        if (subscription.isEmpty()) {
            boolean first = Boolean.TRUE.equals(transactions.execute(tx -> store.firstDelivery(event.getId(), type, clock.instant())));
            return ResponseEntity.ok(new Received(event.getId(), first ? "ignored" : "duplicate"));
        }
        boolean[] first = new boolean[1];
        try {
            SubscriptionSync.Result result = sync.sync(subscription.get(),
                    () -> first[0] = store.firstDelivery(event.getId(), type, clock.instant()));
            return ResponseEntity.ok(new Received(event.getId(), first[0] ? result.name().toLowerCase(java.util.Locale.ROOT) : "duplicate"));
        } catch (StripeException e) {
            log.warn("billing: Stripe event {} ({}) not handled yet, Stripe will send it again: {}", event.getId(), type, e.toString());
            throw BillingProblems.stripeUnavailable();
        }
    }

    /**
     * The subscription an event is about: a subscription's own events, a completed checkout's
     * subscription, an invoice's (under {@code parent.subscription_details} since API version
     * 2025-03-31, directly on the invoice before).
     */
    static Optional<String> subscriptionOf(String type, JsonNode object) {
        String id = "";
        if (type.startsWith("customer.subscription.")) id = object.path("id").asString("");
        else if (type.equals("checkout.session.completed") || type.equals("checkout.session.async_payment_succeeded")) {
            id = object.path("subscription").asString("");
        } else if (type.startsWith("invoice.")) {
            id = object.path("parent").path("subscription_details").path("subscription").asString("");
            if (id.isEmpty()) id = object.path("subscription").asString("");
        }
        return id.startsWith("sub_") ? Optional.of(id) : Optional.empty();
    }
}
