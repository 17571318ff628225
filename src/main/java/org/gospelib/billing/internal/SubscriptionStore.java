package org.gospelib.billing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gospelib.identity.Plan;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code billing_customer}, {@code billing_subscription} and {@code billing_event}. */
class SubscriptionStore {

    /** A subscription as last applied, with the plan it grants. */
    record Stored(String id, UUID userId, SubscriptionStatus status, String priceId, Plan plan, Optional<Instant> currentPeriodEnd,
            boolean cancelAtPeriodEnd, Optional<Instant> canceledAt, Instant updatedAt) {
    }

    private static final String COLUMNS =
            "stripe_subscription_id, user_id, status, price_id, plan, current_period_end, cancel_at_period_end, canceled_at, updated_at";

    private final JdbcClient jdbc;

    SubscriptionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> customerOf(UUID userId) {
        return jdbc.sql("select stripe_customer_id from billing_customer where user_id = ?").param(userId).query(String.class).optional();
    }

    Optional<UUID> userOfCustomer(String customerId) {
        return jdbc.sql("select user_id from billing_customer where stripe_customer_id = ?").param(customerId).query(UUID.class).optional();
    }

    /** Links the reader to their Stripe customer; the first link stays. */
    void saveCustomer(UUID userId, String customerId, Instant now) {
        jdbc.sql("insert into billing_customer (user_id, stripe_customer_id, created_at) values (?, ?, ?) on conflict do nothing")
                .params(userId, customerId, Timestamp.from(now)).update();
    }

    /** Takes a lock on the subscription until the transaction ends: its events are applied one at a time. */
    void lock(String subscriptionId) {
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(hashtextextended(?, 20))) locked").param("billing:" + subscriptionId)
                .query(Integer.class).single();
    }

    void save(StripeSubscription subscription, UUID userId, Plan plan, Instant now) {
        jdbc.sql("""
                insert into billing_subscription (%s) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (stripe_subscription_id) do update set user_id = excluded.user_id, status = excluded.status,
                    price_id = excluded.price_id, plan = excluded.plan, current_period_end = excluded.current_period_end,
                    cancel_at_period_end = excluded.cancel_at_period_end, canceled_at = excluded.canceled_at,
                    updated_at = excluded.updated_at""".formatted(COLUMNS))
                .params(subscription.id(), userId, subscription.status().key(), subscription.priceId(), plan.claim(),
                        subscription.currentPeriodEnd().map(Timestamp::from).orElse(null), subscription.cancelAtPeriodEnd(),
                        subscription.canceledAt().map(Timestamp::from).orElse(null), Timestamp.from(now))
                .update();
    }

    List<Stored> of(UUID userId) {
        return jdbc.sql("select " + COLUMNS + " from billing_subscription where user_id = ? order by updated_at desc")
                .param(userId).query(SubscriptionStore::stored).list();
    }

    Optional<Stored> byId(String subscriptionId) {
        return jdbc.sql("select " + COLUMNS + " from billing_subscription where stripe_subscription_id = ?").param(subscriptionId)
                .query(SubscriptionStore::stored).optional();
    }

    List<Stored> all() {
        return jdbc.sql("select " + COLUMNS + " from billing_subscription order by updated_at desc").query(SubscriptionStore::stored).list();
    }

    /** The best plan the reader's subscriptions grant now. */
    Plan plan(UUID userId) {
        return of(userId).stream().anyMatch(s -> s.status().grants() && s.plan() == Plan.PLUS) ? Plan.PLUS : Plan.FREE;
    }

    /** Records a webhook event; false if it was handled before (Stripe delivers at least once). */
    boolean firstDelivery(String eventId, String type, Instant now) {
        return jdbc.sql("insert into billing_event (stripe_event_id, type, received_at) values (?, ?, ?) on conflict do nothing")
                .params(eventId, type, Timestamp.from(now)).update() == 1;
    }

    boolean delivered(String eventId) {
        return jdbc.sql("select count(*) from billing_event where stripe_event_id = ?").param(eventId).query(Integer.class).single() > 0;
    }

    void forget(UUID userId) {
        jdbc.sql("delete from billing_subscription where user_id = ?").param(userId).update();
        jdbc.sql("delete from billing_customer where user_id = ?").param(userId).update();
    }

    private static Stored stored(ResultSet rs, int row) throws SQLException {
        Timestamp end = rs.getTimestamp(6);
        Timestamp canceled = rs.getTimestamp(8);
        return new Stored(rs.getString(1), rs.getObject(2, UUID.class), SubscriptionStatus.of(rs.getString(3)).orElseThrow(),
                rs.getString(4), Plan.fromClaim(rs.getString(5)), Optional.ofNullable(end).map(Timestamp::toInstant),
                rs.getBoolean(7), Optional.ofNullable(canceled).map(Timestamp::toInstant), rs.getTimestamp(9).toInstant());
    }
}
