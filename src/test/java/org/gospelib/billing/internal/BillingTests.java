package org.gospelib.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.gospelib.billing.LocalStripe;
import org.gospelib.support.Http;
import org.gospelib.support.RunningApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A subscription's whole life against a local server speaking Stripe's API and webhook protocol:
 * Checkout, the first payment, a failed renewal and its recovery, cancellation at the period's
 * end; the plan reaching the reader's account, their next tokens and the rate limiter at once;
 * events repeated, reordered, forged, stale, or arriving while Stripe is down; the daily
 * reconciliation repairing drift; a deleted account's subscription cancelled.
 */
class BillingTests extends RunningApplication {

    static final String PASSWORD = "correct horse battery staple";
    static final JsonMapper JSON = JsonMapper.builder().build();

    final LocalStripe stripe = LocalStripe.shared();

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Reconciliation reconciliation;

    record Reader(UUID id, String email, String bearer) {
    }

    Reader reader() {
        String email = "payer-" + UUID.randomUUID() + "@example.test";
        Http.Response created = http.postJson("/v1/auth/signup", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Reader(UUID.fromString(created.json().get("id").asString()), email, token(email));
    }

    String token(String email) {
        Http.Response token = http.postJson("/v1/auth/token", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        return "Bearer " + token.json().get("accessToken").asString();
    }

    JsonNode billing(Reader reader) {
        Http.Response billing = http.get("/v1/me/billing", "Authorization", reader.bearer());
        assertThat(billing.status()).as(billing.body()).isEqualTo(200);
        return billing.json();
    }

    /** Checkout as the reader would: the API's URL names the session; the reader pays; Stripe reports it. */
    String subscribe(Reader reader, String price) {
        Http.Response checkout = http.send("POST", "/v1/me/billing/checkout", "{\"price\":\"" + price + "\"}", "Authorization",
                reader.bearer(), "Content-Type", "application/json");
        assertThat(checkout.status()).as(checkout.body()).isEqualTo(200);
        String url = checkout.json().get("url").asString();
        assertThat(url).startsWith("https://checkout.stripe.com/c/pay/cs_test_");
        String session = url.substring(url.lastIndexOf('/') + 1);
        String subscription = stripe.completeCheckout(session);
        JsonNode completed = JSON.valueToTree(stripe.sessions.get(session));
        Http.Response delivered = deliver(stripe.event("checkout.session.completed", completed));
        assertThat(delivered.status()).as(delivered.body()).isEqualTo(200);
        return subscription;
    }

    Http.Response deliver(String event) {
        return deliver(event, LocalStripe.signature(event, Instant.now(), LocalStripe.WEBHOOK_SECRET));
    }

    Http.Response deliver(String event, String signature) {
        return http.send("POST", "/v1/billing/webhooks/stripe", event, "Stripe-Signature", signature, "Content-Type", "application/json");
    }

    String subscriptionEvent(String type, String subscription) {
        return stripe.event(type, stripe.subscription(subscription));
    }

    static String planClaim(String bearer) {
        String payload = bearer.substring("Bearer ".length()).split("\\.")[1];
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8)).path("plan").asString();
    }

    String accountPlan(Reader reader) {
        return jdbc.sql("select plan from app_user where id = ?").param(reader.id()).query(String.class).single();
    }

    @Test
    void aSubscriptionsWholeLifeDrivesThePlanEverywhere() {
        Reader reader = reader();
        JsonNode free = billing(reader);
        assertThat(free.get("plan").asString()).isEqualTo("free");
        assertThat(free.get("entitlements").get("rateTier").asString()).isEqualTo("free");
        assertThat(free.get("subscriptions").isEmpty()).isTrue();

        String subscription = subscribe(reader, "plus-monthly");
        JsonNode plus = billing(reader);
        assertThat(plus.get("plan").asString()).isEqualTo("plus");
        assertThat(plus.get("entitlements").get("assistantQuestionsPerHour").asInt()).isEqualTo(100);
        JsonNode active = plus.get("subscriptions").get(0);
        assertThat(active.get("status").asString()).isEqualTo("active");
        assertThat(active.get("price").asString()).isEqualTo("plus-monthly");
        assertThat(Instant.parse(active.get("currentPeriodEnd").asString())).isAfter(Instant.now().plusSeconds(29L * 86_400));
        assertThat(accountPlan(reader)).isEqualTo("plus");
        assertThat(planClaim(token(reader.email()))).as("a token issued now").isEqualTo("plus");
        // the token issued before the payment still says free, but the rate limiter knows better: more
        // requests than the free plan's 40 pass
        assertThat(planClaim(reader.bearer())).isEqualTo("free");
        for (int i = 0; i < 60; i++) {
            assertThat(http.get("/v1/me/billing", "Authorization", reader.bearer()).status()).as("request " + i).isEqualTo(200);
        }

        // a renewal fails: past_due keeps the plan while Stripe retries the card
        stripe.status(subscription, "past_due");
        assertThat(deliver(stripe.event("invoice.payment_failed", stripe.invoice(subscription, "open"))).status()).isEqualTo(200);
        assertThat(billing(reader).get("subscriptions").get(0).get("status").asString()).isEqualTo("past_due");
        assertThat(billing(reader).get("plan").asString()).isEqualTo("plus");
        // and recovers
        stripe.status(subscription, "active");
        assertThat(deliver(stripe.event("invoice.paid", stripe.invoice(subscription, "paid"))).status()).isEqualTo(200);
        assertThat(billing(reader).get("subscriptions").get(0).get("status").asString()).isEqualTo("active");

        // the reader cancels in the portal: Plus until the period ends
        Http.Response portal = http.send("POST", "/v1/me/billing/portal", "", "Authorization", reader.bearer());
        assertThat(portal.status()).as(portal.body()).isEqualTo(200);
        assertThat(portal.json().get("url").asString()).startsWith("https://billing.stripe.com/p/session/");
        stripe.cancelAtPeriodEnd(subscription);
        String cancelling = subscriptionEvent("customer.subscription.updated", subscription);
        assertThat(deliver(cancelling).status()).isEqualTo(200);
        assertThat(billing(reader).get("subscriptions").get(0).get("cancelAtPeriodEnd").asBoolean()).isTrue();
        assertThat(billing(reader).get("plan").asString()).isEqualTo("plus");

        // the period ends
        stripe.end(subscription);
        assertThat(deliver(subscriptionEvent("customer.subscription.deleted", subscription)).status()).isEqualTo(200);
        assertThat(billing(reader).get("plan").asString()).isEqualTo("free");
        assertThat(billing(reader).get("subscriptions").get(0).get("status").asString()).isEqualTo("canceled");
        assertThat(accountPlan(reader)).isEqualTo("free");
        assertThat(planClaim(token(reader.email()))).isEqualTo("free");

        // an earlier event arriving late (Stripe does not promise order) cannot bring Plus back: what
        // Stripe says now is what counts
        Http.Response late = deliver(stripe.event("customer.subscription.updated", activeCopy(subscription)));
        assertThat(late.status()).isEqualTo(200);
        assertThat(billing(reader).get("plan").asString()).isEqualTo("free");
        // and one delivered twice is handled once
        Http.Response again = deliver(cancelling);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("outcome").asString()).isEqualTo("duplicate");
        assertThat(billing(reader).get("plan").asString()).isEqualTo("free");

        // the published changes: subscribed, then ended
        assertThat(jdbc.sql("select count(*) from event_publication where event_type like '%EntitlementsChanged' and serialized_event like ?")
                .param("%" + reader.id() + "%").query(Integer.class).single()).isGreaterThanOrEqualTo(2);
    }

    private ObjectNode activeCopy(String subscription) {
        ObjectNode copy = stripe.subscription(subscription);
        copy.put("status", "active");
        copy.putNull("canceled_at");
        return copy;
    }

    @Test
    void forgedStaleAndMalformedDeliveriesAreRefusedAndChangeNothing() {
        Reader reader = reader();
        String subscription = subscribe(reader, "plus-yearly");
        assertThat(billing(reader).get("subscriptions").get(0).get("price").asString()).isEqualTo("plus-yearly");
        stripe.end(subscription);
        String ended = subscriptionEvent("customer.subscription.deleted", subscription);
        for (String signature : new String[] {
                LocalStripe.signature(ended, Instant.now(), "whsec_someone_else"),
                LocalStripe.signature(ended, Instant.now().minusSeconds(600), LocalStripe.WEBHOOK_SECRET),
                LocalStripe.signature(ended + " ", Instant.now(), LocalStripe.WEBHOOK_SECRET),
                "t=" + Instant.now().getEpochSecond(), "", "v1=00,t=abc"}) {
            Http.Response refused = deliver(ended, signature);
            assertThat(refused.status()).as(signature).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().get("type").asString()).endsWith("/invalid-webhook-signature");
        }
        assertThat(billing(reader).get("plan").asString()).as("nothing changed").isEqualTo("plus");
        Http.Response garbage = deliver("{not json", LocalStripe.signature("{not json", Instant.now(), LocalStripe.WEBHOOK_SECRET));
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.json().get("type").asString()).endsWith("/invalid-webhook-event");
        // a signature with several v1 values (Stripe rolls its secrets) is good if one of them is
        String rolled = LocalStripe.signature(ended, Instant.now(), LocalStripe.WEBHOOK_SECRET);
        String good = rolled.substring(rolled.indexOf(",v1=") + 1);
        Http.Response accepted = deliver(ended, rolled.substring(0, rolled.indexOf(',')) + ",v1=" + "ab".repeat(32) + "," + good);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(billing(reader).get("plan").asString()).isEqualTo("free");
    }

    @Test
    void whileStripeIsDownTheEventIsRefusedSoStripeSendsItAgain() {
        Reader reader = reader();
        String subscription = subscribe(reader, "plus-monthly");
        stripe.end(subscription);
        String ended = subscriptionEvent("customer.subscription.deleted", subscription);
        stripe.down.set(true);
        try {
            Http.Response refused = deliver(ended);
            assertThat(refused.status()).as("non-2xx: Stripe retries").isEqualTo(503);
            assertThat(refused.json().get("type").asString()).endsWith("/payment-provider-unavailable");
        } finally {
            stripe.down.set(false);
        }
        assertThat(billing(reader).get("plan").asString()).isEqualTo("plus");
        Http.Response retried = deliver(ended);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().get("outcome").asString()).as("the same event, not a duplicate").isEqualTo("updated");
        assertThat(billing(reader).get("plan").asString()).isEqualTo("free");
    }

    @Test
    void theDailyReconciliationRepairsWhatNoEventReported() throws Exception {
        Reader reader = reader();
        String subscription = subscribe(reader, "plus-monthly");
        // Stripe ends the subscription, and the event never arrives
        stripe.end(subscription);
        assertThat(billing(reader).get("plan").asString()).isEqualTo("plus");
        reconciliation.run();
        assertThat(billing(reader).get("plan").asString()).isEqualTo("free");
        assertThat(accountPlan(reader)).isEqualTo("free");
    }

    @Test
    void badRequestsGetProblems() {
        Reader reader = reader();
        Http.Response unknown = http.send("POST", "/v1/me/billing/checkout", "{\"price\":\"gold-forever\"}", "Authorization",
                reader.bearer(), "Content-Type", "application/json");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("type").asString()).endsWith("/unknown-price");
        Http.Response noCustomer = http.send("POST", "/v1/me/billing/portal", "", "Authorization", reader.bearer());
        assertThat(noCustomer.status()).isEqualTo(409);
        assertThat(noCustomer.json().get("type").asString()).endsWith("/no-subscription");
        assertThat(http.get("/v1/me/billing").status()).isEqualTo(401);
        subscribe(reader, "plus-monthly");
        Http.Response twice = http.send("POST", "/v1/me/billing/checkout", "{\"price\":\"plus-yearly\"}", "Authorization",
                reader.bearer(), "Content-Type", "application/json");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("type").asString()).endsWith("/already-subscribed");
    }

    @Test
    void operatorsSeeEverySubscriptionAndReadersDoNot() {
        Reader reader = reader();
        String subscription = subscribe(reader, "plus-yearly");
        // the configured admin email gets the admin role (the account survives between runs)
        http.postJson("/v1/auth/signup", "{\"email\":\"admin@gospelib.test\",\"password\":\"" + PASSWORD + "\"}");
        Http.Response listed = http.get("/v1/admin/billing/subscriptions", "Authorization", token("admin@gospelib.test"));
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        JsonNode mine = null;
        for (JsonNode s : listed.json().get("subscriptions")) if (s.get("id").asString().equals(subscription)) mine = s;
        assertThat(mine).as("the new subscription is listed").isNotNull();
        assertThat(mine.get("userId").asString()).isEqualTo(reader.id().toString());
        assertThat(mine.get("price").asString()).isEqualTo("plus-yearly");
        assertThat(mine.get("status").asString()).isEqualTo("active");
        assertThat(listed.json().get("counts").get("active").asLong()).isPositive();
        assertThat(http.get("/v1/admin/billing/subscriptions", "Authorization", reader.bearer()).status()).isEqualTo(404);
    }

    @Test
    void deletingTheAccountCancelsItsSubscription() {
        Reader reader = reader();
        String subscription = subscribe(reader, "plus-monthly");
        assertThat(http.send("DELETE", "/v1/me", "", "Authorization", reader.bearer()).status()).isEqualTo(204);
        await(() -> stripe.subscriptions.get(subscription).get("status").asString().equals("canceled"), "Stripe cancels it");
        await(() -> jdbc.sql("select count(*) from billing_subscription where user_id = ?").param(reader.id()).query(Integer.class)
                .single() == 0, "the billing rows go");
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting until " + what);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
