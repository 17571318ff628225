package org.gospelib.notifications.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code push_device}: the phones and tablets a reader's app registered for reminders. */
class PushDevices {

    /** The push service a device is reached through. */
    enum Platform {
        /** Firebase Cloud Messaging (Android, and iOS apps that use Firebase). */
        FCM,
        /** Apple Push Notification service. */
        APNS;

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<Platform> of(String id) {
            if (id == null) return Optional.empty();
            for (Platform p : values()) if (p.id().equals(id.strip().toLowerCase(Locale.ROOT))) return Optional.of(p);
            return Optional.empty();
        }

        /** Why a token cannot be one this platform issued, if it cannot. */
        Optional<String> refusal(String token) {
            return switch (this) {
                // FCM registration tokens: about 150–200 URL-safe characters, a colon after the instance id
                case FCM -> FCM_TOKEN.matcher(token).matches() ? Optional.empty()
                        : Optional.of("an FCM registration token is 20 to 4,096 characters of A–Z, a–z, 0–9, '-', '_', ':' and '.'");
                // APNs device tokens: 32 bytes in hex today; Apple says they may grow, so up to 100 bytes
                case APNS -> APNS_TOKEN.matcher(token).matches() && token.length() % 2 == 0 ? Optional.empty()
                        : Optional.of("an APNs device token is an even number (64 to 200) of hexadecimal digits");
            };
        }
    }

    private static final Pattern FCM_TOKEN = Pattern.compile("[A-Za-z0-9_:.\\-]{20,4096}");
    private static final Pattern APNS_TOKEN = Pattern.compile("[0-9A-Fa-f]{64,200}");

    /** A registered device. */
    record Device(UUID id, UUID userId, Platform platform, String token, Instant createdAt) {
    }

    /** At most this many devices per reader: a new one beyond replaces the oldest. */
    static final int MAX_PER_READER = 10;

    private final JdbcClient jdbc;

    PushDevices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the device (the same token again moves to this reader); returns its id. */
    UUID save(UUID userId, Platform platform, String token, Instant now) {
        UUID id = jdbc.sql("""
                insert into push_device (id, user_id, platform, token, created_at) values (?, ?, ?, ?, ?)
                on conflict (platform, token) do update set user_id = excluded.user_id
                returning id""")
                .params(UUID.randomUUID(), userId, platform.id(), token, Timestamp.from(now)).query(UUID.class).single();
        jdbc.sql("""
                delete from push_device where user_id = ? and id not in
                    (select id from push_device where user_id = ? order by created_at desc limit ?)""")
                .params(userId, userId, MAX_PER_READER).update();
        return id;
    }

    List<Device> of(UUID userId) {
        return jdbc.sql("select id, user_id, platform, token, created_at from push_device where user_id = ? order by created_at")
                .param(userId)
                .query((rs, n) -> new Device(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        Platform.of(rs.getString(3)).orElseThrow(), rs.getString(4), rs.getTimestamp(5).toInstant()))
                .list();
    }

    boolean remove(UUID userId, UUID id) {
        return jdbc.sql("delete from push_device where user_id = ? and id = ?").params(userId, id).update() == 1;
    }

    /** A device its push service said is gone. */
    void gone(UUID id) {
        jdbc.sql("delete from push_device where id = ?").param(id).update();
    }

    int forget(UUID userId) {
        return jdbc.sql("delete from push_device where user_id = ?").param(userId).update();
    }
}
