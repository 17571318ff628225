package org.gospelib.notifications.internal;

import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code notification_preference}: readers' reminder settings and when each is next due. */
class PreferenceStore {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS =
            "user_id, time_zone, remind_at, quiet_start, quiet_end, email_kinds, translation, unsubscribe_token, push_kinds";

    /** A reminder due: the reader's settings, and when it was due. */
    record Due(ReminderPreferences preferences, Instant at) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    PreferenceStore(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    static String newUnsubscribeToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return "unsub_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    Optional<ReminderPreferences> find(UUID userId) {
        return jdbc.sql("select " + COLUMNS + " from notification_preference where user_id = ?").param(userId)
                .query(PreferenceStore::map).optional();
    }

    Optional<ReminderPreferences> byUnsubscribeToken(String token) {
        if (token.isEmpty() || token.length() > 100) return Optional.empty();
        return jdbc.sql("select " + COLUMNS + " from notification_preference where unsubscribe_token = ?").param(token)
                .query(PreferenceStore::map).optional();
    }

    /** Writes the settings and when they are next due. */
    void save(ReminderPreferences preferences, Instant now) {
        Optional<Instant> next = preferences.nextAfter(now);
        jdbc.sql("""
                insert into notification_preference (user_id, time_zone, remind_at, quiet_start, quiet_end, email_kinds,
                    translation, unsubscribe_token, next_send_at, updated_at, push_kinds)
                values (?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?::text[])
                on conflict (user_id) do update set time_zone = excluded.time_zone, remind_at = excluded.remind_at,
                    quiet_start = excluded.quiet_start, quiet_end = excluded.quiet_end, email_kinds = excluded.email_kinds,
                    translation = excluded.translation, next_send_at = excluded.next_send_at, updated_at = excluded.updated_at,
                    push_kinds = excluded.push_kinds""")
                .params(preferences.userId(), preferences.zone().getId(), preferences.remindAt(),
                        preferences.quiet().map(ReminderSchedule.QuietHours::start).orElse(null),
                        preferences.quiet().map(ReminderSchedule.QuietHours::end).orElse(null),
                        kinds(preferences.email()), preferences.translation(), preferences.unsubscribeToken(),
                        next.map(Timestamp::from).orElse(null), Timestamp.from(now), kinds(preferences.push()))
                .update();
    }

    /** Up to {@code limit} reminders due by {@code now}, locked until the transaction ends (others skip them). */
    List<Due> due(Instant now, int limit) {
        return jdbc.sql("""
                select %s, next_send_at from notification_preference
                where next_send_at <= ? order by next_send_at limit ? for update skip locked""".formatted(COLUMNS))
                .params(Timestamp.from(now), limit)
                .query((rs, n) -> new Due(map(rs, n), rs.getTimestamp(10).toInstant()))
                .list();
    }

    /** Sets when each reader's next reminder is due (null: none), in one round trip. */
    void setNext(Map<UUID, Optional<Instant>> next) {
        List<Object[]> rows = new ArrayList<>(next.size());
        next.forEach((user, at) -> rows.add(new Object[] {at.map(Timestamp::from).orElse(null), user}));
        batches.batchUpdate("update notification_preference set next_send_at = ? where user_id = ?", rows);
    }

    int forget(UUID userId) {
        return jdbc.sql("delete from notification_preference where user_id = ?").param(userId).update();
    }

    /** The text[] literal of a set of kinds. */
    private static String kinds(Set<ReminderKind> kinds) {
        List<String> keys = new ArrayList<>();
        for (ReminderKind kind : kinds) keys.add(kind.key);
        return "{" + String.join(",", keys) + "}";
    }

    private static ReminderPreferences map(ResultSet rs, int row) throws SQLException {
        Optional<ReminderSchedule.QuietHours> quiet = rs.getObject(4) == null ? Optional.empty()
                : Optional.of(new ReminderSchedule.QuietHours(rs.getObject(4, LocalTime.class), rs.getObject(5, LocalTime.class)));
        return new ReminderPreferences(rs.getObject(1, UUID.class), ZoneId.of(rs.getString(2)), rs.getObject(3, LocalTime.class),
                quiet, kinds(rs.getArray(6)), kinds(rs.getArray(9)), rs.getString(7), rs.getString(8));
    }

    private static Set<ReminderKind> kinds(Array array) throws SQLException {
        Set<ReminderKind> kinds = EnumSet.noneOf(ReminderKind.class);
        for (String key : (String[]) array.getArray()) ReminderKind.of(key).ifPresent(kinds::add);
        return kinds;
    }
}
