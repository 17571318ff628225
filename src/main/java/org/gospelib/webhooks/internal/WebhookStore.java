package org.gospelib.webhooks.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** The webhooks module's tables: endpoints, messages and the delivery log. */
@Repository
class WebhookStore {

    record Endpoint(UUID id, UUID owner, String url, String description, List<String> eventTypes, String secret,
            Optional<String> previousSecret, Optional<Instant> previousSecretUntil, boolean enabled, String disabledReason,
            Optional<Instant> failingSince, Instant createdAt) {
    }

    record Message(String id, String eventType, Optional<UUID> owner, String payload, Instant createdAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record Delivery(long id, String messageId, String eventType, int attempt, int statusCode, String error, int durationMs,
            boolean succeeded, Instant at) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    WebhookStore(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    void create(Endpoint e) {
        jdbc.update("""
                insert into webhook_endpoint (id, owner_id, url, description, event_types, secret, enabled, created_at)
                values (?, ?, ?, ?, ?::text[], ?, true, ?)""", e.id(), e.owner(), e.url(), e.description(),
                "{" + String.join(",", e.eventTypes()) + "}", e.secret(), Timestamp.from(e.createdAt()));
    }

    int countOwnedBy(UUID owner) {
        return jdbc.queryForObject("select count(*) from webhook_endpoint where owner_id = ?", Integer.class, owner);
    }

    List<Endpoint> ownedBy(UUID owner) {
        return jdbc.query("select * from webhook_endpoint where owner_id = ? order by created_at, id", WebhookStore::endpoint, owner);
    }

    /** Every account's endpoints, failing and disabled ones first, then newest first. */
    List<Endpoint> all(boolean troubledOnly, int limit) {
        return jdbc.query("select * from webhook_endpoint" + (troubledOnly ? " where not enabled or failing_since is not null" : "")
                + " order by (not enabled or failing_since is not null) desc, created_at desc, id limit ?", WebhookStore::endpoint, limit);
    }

    Optional<Endpoint> find(UUID id) {
        return jdbc.query("select * from webhook_endpoint where id = ?", WebhookStore::endpoint, id).stream().findFirst();
    }

    /** Enabled endpoints subscribed to the type: every account's, or only {@code owner}'s. */
    List<Endpoint> subscribers(String eventType, Optional<UUID> owner) {
        return owner.isPresent()
                ? jdbc.query("select * from webhook_endpoint where enabled and ? = any(event_types) and owner_id = ?",
                        WebhookStore::endpoint, eventType, owner.get())
                : jdbc.query("select * from webhook_endpoint where enabled and ? = any(event_types)", WebhookStore::endpoint, eventType);
    }

    boolean delete(UUID id) {
        return jdbc.update("delete from webhook_endpoint where id = ?", id) == 1;
    }

    int deleteOwnedBy(UUID owner) {
        return jdbc.update("delete from webhook_endpoint where owner_id = ?", owner);
    }

    void rotateSecret(UUID id, String newSecret, Instant previousUntil) {
        jdbc.update("""
                update webhook_endpoint set previous_secret = secret, previous_secret_until = ?, secret = ? where id = ?""",
                Timestamp.from(previousUntil), newSecret, id);
    }

    void enable(UUID id) {
        jdbc.update("update webhook_endpoint set enabled = true, disabled_reason = '', failing_since = null where id = ?", id);
    }

    void disable(UUID id, String reason) {
        jdbc.update("update webhook_endpoint set enabled = false, disabled_reason = ? where id = ?", reason, id);
    }

    /** Records that deliveries to it fail; returns since when they have, without a success between. */
    Instant failing(UUID id, Instant now) {
        return jdbc.queryForObject("""
                update webhook_endpoint set failing_since = coalesce(failing_since, ?) where id = ? returning failing_since""",
                Timestamp.class, Timestamp.from(now), id).toInstant();
    }

    void healthy(UUID id) {
        jdbc.update("update webhook_endpoint set failing_since = null where id = ? and failing_since is not null", id);
    }

    /** Stores a message unless one with its id is there (an event handled twice sends one message). */
    void store(Message m) {
        jdbc.update("""
                insert into webhook_message (id, event_type, owner_id, payload, created_at) values (?, ?, ?, ?, ?)
                on conflict (id) do nothing""", m.id(), m.eventType(), m.owner().orElse(null), m.payload(),
                Timestamp.from(m.createdAt()));
    }

    Optional<Message> message(String id) {
        return jdbc.query("select * from webhook_message where id = ?", (rs, i) -> new Message(rs.getString("id"),
                rs.getString("event_type"), Optional.ofNullable(rs.getObject("owner_id", UUID.class)), rs.getString("payload"),
                rs.getTimestamp("created_at").toInstant()), id).stream().findFirst();
    }

    /**
     * Logs an attempt, committed without waiting for the WAL flush: the log is written before the
     * job's completion, and a crash loses only the newest commits, never one in the middle, so a
     * lost log row means a lost completion too, and the delivery is attempted (and logged) again.
     */
    void logDelivery(UUID endpoint, String message, int attempt, int status, String error, int millis, boolean ok, Instant at) {
        transactions.executeWithoutResult(tx -> {
            jdbc.execute("set local synchronous_commit = off");
            jdbc.update("""
                    insert into webhook_attempt (endpoint_id, message_id, attempt, status_code, error, duration_ms, succeeded, at)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""", endpoint, message, attempt, status,
                    error.length() > 500 ? error.substring(0, 500) : error, millis, ok, Timestamp.from(at));
        });
    }

    List<Delivery> deliveries(UUID endpoint, int limit) {
        return jdbc.query("""
                select d.*, m.event_type from webhook_attempt d join webhook_message m on m.id = d.message_id
                where d.endpoint_id = ? order by d.at desc, d.id desc limit ?""",
                (rs, i) -> new Delivery(rs.getLong("id"), rs.getString("message_id"), rs.getString("event_type"),
                        rs.getInt("attempt"), rs.getInt("status_code"), rs.getString("error"), rs.getInt("duration_ms"),
                        rs.getBoolean("succeeded"), rs.getTimestamp("at").toInstant()), endpoint, limit);
    }

    private static Endpoint endpoint(ResultSet rs, int row) throws SQLException {
        Array types = rs.getArray("event_types");
        return new Endpoint(rs.getObject("id", UUID.class), rs.getObject("owner_id", UUID.class), rs.getString("url"),
                rs.getString("description"), Arrays.asList((String[]) types.getArray()), rs.getString("secret"),
                Optional.ofNullable(rs.getString("previous_secret")),
                Optional.ofNullable(rs.getTimestamp("previous_secret_until")).map(Timestamp::toInstant),
                rs.getBoolean("enabled"), rs.getString("disabled_reason"),
                Optional.ofNullable(rs.getTimestamp("failing_since")).map(Timestamp::toInstant),
                rs.getTimestamp("created_at").toInstant());
    }
}
