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
 * exists. Every attempt counts until it succeeds; a successful sign-in clears the count.
 */
final class SignInThrottle {

    static final int MAX_FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCKOUT = Duration.ofMinutes(15);

    private final JdbcClient jdbc;

    SignInThrottle(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Admits one sign-in attempt, or says how long the email must wait. The attempt is counted
     * here, before its password is checked, in one atomic statement: parallel guesses cannot all
     * pass a check made before any of them was counted. Attempts beyond the limit within the window
     * are refused even while earlier ones are still being checked. A window that has passed, or a
     * lockout that has ended, starts the count again.
     */
    Optional<Duration> admit(String email, Instant now) {
        Timestamp at = Timestamp.from(now);
        Timestamp windowOpenedAfter = Timestamp.from(now.minus(WINDOW));
        Attempt attempt = jdbc.sql("""
                insert into sign_in_throttle (email, failures, window_start, locked_until) values (:email, 1, :at, null)
                on conflict (email) do update set
                    failures = case when sign_in_throttle.locked_until <= :at
                            or (sign_in_throttle.locked_until is null and sign_in_throttle.window_start < :opened)
                        then 1 else sign_in_throttle.failures + 1 end,
                    window_start = case when sign_in_throttle.locked_until <= :at
                            or (sign_in_throttle.locked_until is null and sign_in_throttle.window_start < :opened)
                        then :at else sign_in_throttle.window_start end,
                    locked_until = case when sign_in_throttle.locked_until <= :at then null
                        else sign_in_throttle.locked_until end
                returning failures, locked_until
                """)
                .param("email", key(email)).param("at", at).param("opened", windowOpenedAfter)
                .query((rs, row) -> new Attempt(rs.getInt(1), Optional.ofNullable(rs.getTimestamp(2)).map(Timestamp::toInstant)))
                .single();
        Optional<Instant> until = attempt.lockedUntil().filter(u -> u.isAfter(now));
        if (until.isPresent()) return Optional.of(Duration.between(now, until.get()));
        if (attempt.count() > MAX_FAILURES) return Optional.of(LOCKOUT);
        return Optional.empty();
    }

    private record Attempt(int count, Optional<Instant> lockedUntil) {
    }

    /** The admitted attempt had a wrong password: the one that used up the limit starts the lockout. */
    void failed(String email, Instant now) {
        jdbc.sql("""
                update sign_in_throttle set locked_until = :until
                where email = :email and failures >= :max and coalesce(locked_until, :at) <= :at
                """)
                .param("email", key(email)).param("at", Timestamp.from(now))
                .param("max", MAX_FAILURES).param("until", Timestamp.from(now.plus(LOCKOUT)))
                .update();
    }

    void succeeded(String email) {
        jdbc.sql("delete from sign_in_throttle where email = ?").param(key(email)).update();
    }

    private static String key(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
