package org.gospelib.notifications.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code notification_suppression}: addresses mail is not sent to. A hard bounce stops every email
 * (the address does not take mail); a complaint stops what the reader did not ask for, but an email
 * they asked for (a password reset) still goes.
 */
class Suppressions {

    enum Reason {
        BOUNCED, COMPLAINED
    }

    private final JdbcClient jdbc;

    Suppressions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(String address, Reason reason, String detail, Instant now) {
        jdbc.sql("""
                insert into notification_suppression (address, reason, detail, created_at) values (?, ?, ?, ?)
                on conflict (address) do update set reason = case when notification_suppression.reason = 'bounced'
                    then 'bounced' else excluded.reason end, detail = excluded.detail""")
                .params(address.strip().toLowerCase(Locale.ROOT), reason.name().toLowerCase(Locale.ROOT),
                        detail.length() > 500 ? detail.substring(0, 500) : detail, Timestamp.from(now))
                .update();
    }

    /** Why mail of this sort must not go to the address, if it must not. */
    Optional<Reason> blocks(String address, boolean transactional) {
        return jdbc.sql("select reason from notification_suppression where address = ?")
                .param(address.strip().toLowerCase(Locale.ROOT))
                .query((rs, n) -> Reason.valueOf(rs.getString(1).toUpperCase(Locale.ROOT))).optional()
                .filter(reason -> reason == Reason.BOUNCED || !transactional);
    }
}
