package org.gospelib.notifications.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code push_subscription}: the browsers a reader asked to be reminded in. */
class PushSubscriptions {

    /** A browser's subscription: where its push service takes messages, and the keys they are encrypted for. */
    record Subscription(UUID id, UUID userId, String endpoint, byte[] p256dh, byte[] auth, Instant createdAt) {
    }

    /** At most this many browsers per reader: a new one beyond replaces the oldest. */
    static final int MAX_PER_READER = 10;

    private final JdbcClient jdbc;

    PushSubscriptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the subscription (the same endpoint again replaces its keys and owner); returns its id. */
    UUID save(UUID userId, String endpoint, byte[] p256dh, byte[] auth, Instant now) {
        UUID id = jdbc.sql("""
                insert into push_subscription (id, user_id, endpoint, p256dh, auth, created_at) values (?, ?, ?, ?, ?, ?)
                on conflict (endpoint) do update set user_id = excluded.user_id, p256dh = excluded.p256dh, auth = excluded.auth
                returning id""")
                .params(UUID.randomUUID(), userId, endpoint, p256dh, auth, Timestamp.from(now)).query(UUID.class).single();
        jdbc.sql("""
                delete from push_subscription where user_id = ? and id not in
                    (select id from push_subscription where user_id = ? order by created_at desc limit ?)""")
                .params(userId, userId, MAX_PER_READER).update();
        return id;
    }

    List<Subscription> of(UUID userId) {
        return jdbc.sql("select id, user_id, endpoint, p256dh, auth, created_at from push_subscription where user_id = ? order by created_at")
                .param(userId)
                .query((rs, n) -> new Subscription(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getBytes(4), rs.getBytes(5), rs.getTimestamp(6).toInstant()))
                .list();
    }

    boolean remove(UUID userId, UUID id) {
        return jdbc.sql("delete from push_subscription where user_id = ? and id = ?").params(userId, id).update() == 1;
    }

    /** A subscription its push service said is gone. */
    void gone(UUID id) {
        jdbc.sql("delete from push_subscription where id = ?").param(id).update();
    }

    int forget(UUID userId) {
        return jdbc.sql("delete from push_subscription where user_id = ?").param(userId).update();
    }
}
