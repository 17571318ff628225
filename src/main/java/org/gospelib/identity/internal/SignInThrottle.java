package org.gospelib.identity.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Slows password guessing against one account, whatever addresses the guesses come from (the
 * gateway's limits are per address): after {@link #MAX_FAILURES} wrong passwords for an email
 * within {@link #WINDOW}, that email cannot sign in for {@link #LOCKOUT}, even with the right
 * password. Kept in PostgreSQL so every replica sees the same count and a restart forgets
 * nothing; unknown emails are counted the same, so the answer never reveals whether an account
 * exists. A successful sign-in clears the count.
 */
final class SignInThrottle {

    static final int MAX_FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCKOUT = Duration.ofMinutes(15);

    private final JdbcClient jdbc;

    SignInThrottle(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How long the email must still wait, if it is locked out now. */
    Optional<Duration> lockedFor(String email, Instant now) {
        return jdbc.sql("select locked_until from sign_in_throttle where email = ?")
                .param(key(email))
                .query(Timestamp.class).optional()
                .map(Timestamp::toInstant)
                .filter(until -> until.isAfter(now))
                .map(until -> Duration.between(now, until));
    }

    /** Counts a wrong password; the failure that reaches the limit starts the lockout. */
    void failed(String email, Instant now) {
        Timestamp at = Timestamp.from(now);
        Timestamp windowOpenedAfter = Timestamp.from(now.minus(WINDOW));
        Timestamp lockedUntil = Timestamp.from(now.plus(LOCKOUT));
        jdbc.sql("""
                insert into sign_in_throttle (email, failures, window_start, locked_until) values (:email, 1, :at, null)
                on conflict (email) do update set
                    failures = case when sign_in_throttle.window_start < :opened then 1 else sign_in_throttle.failures + 1 end,
                    window_start = case when sign_in_throttle.window_start < :opened then :at else sign_in_throttle.window_start end,
                    locked_until = case
                        when (case when sign_in_throttle.window_start < :opened then 1 else sign_in_throttle.failures + 1 end) >= :max
                        then :until else sign_in_throttle.locked_until end
                """)
                .param("email", key(email)).param("at", at).param("opened", windowOpenedAfter)
                .param("max", MAX_FAILURES).param("until", lockedUntil)
                .update();
    }

    void succeeded(String email) {
        jdbc.sql("delete from sign_in_throttle where email = ?").param(key(email)).update();
    }

    private static String key(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
