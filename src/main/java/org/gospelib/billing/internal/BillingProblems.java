package org.gospelib.billing.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.UUID;
import org.gospelib.identity.Accounts;
import org.gospelib.identity.Caller;
import org.gospelib.platform.ProblemException;

/** The billing API's problems, and the signed-in reader they are about. */
final class BillingProblems {

    private BillingProblems() {
    }

    static ProblemException unknownUser() {
        return new ProblemException("unknown-user", "Unknown user", 404, "no account for this token's subject");
    }

    static ProblemException notConfigured() {
        return new ProblemException("billing-not-configured", "Subscriptions are not available", 503,
                "this server takes no subscriptions (no Stripe key is configured)");
    }

    static ProblemException unknownPrice(String name) {
        return new ProblemException("unknown-price", "Unknown price", 400,
                "no price '" + clip(name) + "'; choose plus-monthly or plus-yearly", Map.of("field", "price"));
    }

    static ProblemException alreadySubscribed() {
        return new ProblemException("already-subscribed", "Already subscribed", 409,
                "you already have Plus; change or cancel it from the customer portal (POST /v1/me/billing/portal)");
    }

    static ProblemException noCustomer() {
        return new ProblemException("no-subscription", "No subscription", 409, "you have never subscribed; start with a checkout");
    }

    static ProblemException stripeUnavailable() {
        return new ProblemException("payment-provider-unavailable", "Payment provider unavailable", 503,
                "Stripe could not be reached; try again shortly");
    }

    static ProblemException webhookDisabled() {
        return new ProblemException("not-found", "Not found", 404, "no such endpoint");
    }

    static ProblemException invalidSignature(String why) {
        return new ProblemException("invalid-webhook-signature", "Invalid webhook signature", 400, why);
    }

    static ProblemException invalidEvent(String why) {
        return new ProblemException("invalid-webhook-event", "Invalid webhook event", 400, why);
    }

    private static String clip(String value) {
        String text = value == null ? "" : value.replaceAll("\\p{Cntrl}", "?");
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

}
