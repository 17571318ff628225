package org.gospelib.billing.internal;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.SubscriptionListParams;
import com.stripe.param.checkout.SessionCreateParams;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What GospeLib asks of Stripe, through Stripe's Java library: customers, Checkout and Customer
 * Portal sessions, and subscriptions as they are now. Stripe's own errors are
 * {@link StripeException}s; network failures are retried by the library (twice, with the same
 * idempotency key for creations).
 */
class StripeApi {

    /** Checkout and subscriptions carry the account they were bought for. */
    static final String USER_ID = "gospelib_user_id";

    private final StripeClient client;

    StripeApi(StripeClient client) {
        this.client = client;
    }

    static StripeApi create(String secretKey, URI apiBase) {
        return new StripeApi(StripeClient.builder().setApiKey(secretKey).setApiBase(apiBase.toString().replaceAll("/+$", ""))
                .setMaxNetworkRetries(2).setConnectTimeout(10_000).setReadTimeout(30_000).build());
    }

    /** A customer for the account; the same account asking twice gets one customer (Stripe's idempotency key). */
    String createCustomer(UUID userId, String email) throws StripeException {
        return client.v1().customers().create(CustomerCreateParams.builder().setEmail(email).putMetadata(USER_ID, userId.toString())
                .build(), RequestOptions.builder().setIdempotencyKey("gospelib-customer-" + userId).build()).getId();
    }

    /** A Checkout page that subscribes the customer to the price and comes back to {@code returnUrl}. */
    URI checkout(String customerId, String priceId, UUID userId, URI returnUrl) throws StripeException {
        return URI.create(client.v1().checkout().sessions().create(SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                .setCustomer(customerId)
                .setClientReferenceId(userId.toString())
                .addLineItem(SessionCreateParams.LineItem.builder().setPrice(priceId).setQuantity(1L).build())
                .setSubscriptionData(SessionCreateParams.SubscriptionData.builder().putMetadata(USER_ID, userId.toString()).build())
                .putMetadata(USER_ID, userId.toString())
                .setSuccessUrl(returnUrl + "?checkout=done")
                .setCancelUrl(returnUrl + "?checkout=cancelled")
                .build()).getUrl());
    }

    /** The Customer Portal, where the reader changes their card or plan, or cancels. */
    URI portal(String customerId, URI returnUrl) throws StripeException {
        return URI.create(client.v1().billingPortal().sessions().create(com.stripe.param.billingportal.SessionCreateParams.builder()
                .setCustomer(customerId).setReturnUrl(returnUrl.toString()).build()).getUrl());
    }

    /** The subscription as Stripe holds it now; empty if Stripe does not know it. */
    Optional<StripeSubscription> subscription(String id) throws StripeException {
        try {
            return Optional.of(of(client.v1().subscriptions().retrieve(id)));
        } catch (com.stripe.exception.InvalidRequestException e) {
            if (Integer.valueOf(404).equals(e.getStatusCode())) return Optional.empty();
            throw e;
        }
    }

    /** Every subscription of the account, whatever its status (for the reconciliation). */
    List<StripeSubscription> subscriptions() throws StripeException {
        List<StripeSubscription> all = new ArrayList<>();
        for (Subscription s : client.v1().subscriptions().list(SubscriptionListParams.builder()
                .setStatus(SubscriptionListParams.Status.ALL).setLimit(100L).build()).autoPagingIterable()) {
            all.add(of(s));
        }
        return all;
    }

    /** Ends the subscription now (the account it paid for is gone). */
    void cancel(String id) throws StripeException {
        try {
            client.v1().subscriptions().cancel(id);
        } catch (com.stripe.exception.InvalidRequestException e) {
            // already canceled, or unknown: nothing left to end
            if (!Integer.valueOf(404).equals(e.getStatusCode()) && !"resource_missing".equals(e.getCode())) throw e;
        }
    }

    private static StripeSubscription of(Subscription s) {
        SubscriptionItem item = s.getItems() == null || s.getItems().getData() == null || s.getItems().getData().isEmpty()
                ? null : s.getItems().getData().getFirst();
        Optional<UUID> user = Optional.ofNullable(s.getMetadata()).map(m -> m.get(USER_ID)).flatMap(StripeApi::uuid);
        return new StripeSubscription(s.getId(), s.getCustomer(), user,
                SubscriptionStatus.of(s.getStatus()).orElse(SubscriptionStatus.INCOMPLETE_EXPIRED),
                item == null || item.getPrice() == null ? "" : item.getPrice().getId(),
                Optional.ofNullable(item == null ? null : item.getCurrentPeriodEnd()).map(Instant::ofEpochSecond),
                Boolean.TRUE.equals(s.getCancelAtPeriodEnd()),
                Optional.ofNullable(s.getCanceledAt()).map(Instant::ofEpochSecond));
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
