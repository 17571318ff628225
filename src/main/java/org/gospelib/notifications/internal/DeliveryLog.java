package org.gospelib.notifications.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code notification_delivery}: each message sent, or being sent, to a reader. */
class DeliveryLog {

    enum Status {
        SENDING, SENT, SKIPPED, FAILED;

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A row as a reader sees it. */
    record Delivery(String kind, String channel, String recipient, Status status, Instant at) {
    }

    private final JdbcClient jdbc;

    DeliveryLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Starts (or, after a failed attempt, resumes) the message with this key; its status before,
     * if it had one. A message already sent or skipped is not sent again.
     */
    Optional<Status> begin(String key, Optional<UUID> userId, String kind, String channel, String recipient, String transport,
            Instant now) {
        Optional<Status> before = jdbc.sql("select status from notification_delivery where idempotency_key = ? for update")
                .param(key).query((rs, n) -> Status.valueOf(rs.getString(1).toUpperCase(java.util.Locale.ROOT))).optional();
        if (before.isEmpty()) {
            jdbc.sql("""
                    insert into notification_delivery (idempotency_key, user_id, kind, channel, recipient, status, transport,
                        attempts, created_at, updated_at)
                    values (?, ?, ?, ?, ?, 'sending', ?, 1, ?, ?) on conflict do nothing""")
                    .params(key, userId.orElse(null), kind, channel, recipient, transport, Timestamp.from(now), Timestamp.from(now))
                    .update();
        } else if (before.get() == Status.SENDING || before.get() == Status.FAILED) {
            jdbc.sql("update notification_delivery set attempts = attempts + 1, status = 'sending', updated_at = ? where idempotency_key = ?")
                    .params(Timestamp.from(now), key).update();
        }
        return before;
    }

    void finish(String key, Status status, Optional<String> providerId, Optional<String> detail, Instant now) {
        jdbc.sql("update notification_delivery set status = ?, provider_id = ?, detail = ?, updated_at = ? where idempotency_key = ?")
                .params(status.column(), providerId.orElse(null), detail.map(DeliveryLog::clip).orElse(null), Timestamp.from(now), key)
                .update();
    }

    /** Every reader's deliveries as operators see them, newest first; of one status when given. */
    List<NotificationsAdminController.AdminDelivery> recent(java.util.Optional<String> status, int limit) {
        return jdbc.sql("""
                select user_id, kind, channel, recipient, status, transport, attempts, detail, created_at, updated_at
                from notification_delivery where cast(? as text) is null or status = ? order by updated_at desc limit ?""")
                .params(status.orElse(null), status.orElse(null), limit)
                .query((rs, n) -> new NotificationsAdminController.AdminDelivery(java.util.Optional.ofNullable(rs.getObject(1, UUID.class)),
                        rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7),
                        java.util.Optional.ofNullable(rs.getString(8)), rs.getTimestamp(9).toInstant(), rs.getTimestamp(10).toInstant()))
                .list();
    }

    List<Delivery> of(UUID userId, int limit) {
        return jdbc.sql("""
                select kind, channel, recipient, status, updated_at from notification_delivery
                where user_id = ? order by created_at desc limit ?""")
                .params(userId, limit)
                .query((rs, n) -> new Delivery(rs.getString(1), rs.getString(2), rs.getString(3),
                        Status.valueOf(rs.getString(4).toUpperCase(java.util.Locale.ROOT)), rs.getTimestamp(5).toInstant()))
                .list();
    }

    int forget(UUID userId) {
        return jdbc.sql("delete from notification_delivery where user_id = ?").param(userId).update();
    }

    private static String clip(String detail) {
        return detail.length() > 500 ? detail.substring(0, 500) : detail;
    }
}
