package org.gospelib.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.gospelib.identity.Caller;
import org.gospelib.identity.Plan;
import org.gospelib.identity.Role;
import org.gospelib.identity.WebSessions;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The web pages' sessions: an opaque token in an HttpOnly cookie, and a CSRF token bound to it
 * (synchronizer token: stored as a digest next to the session, echoed by the page in a header).
 */
class WebSessionStore implements WebSessions {

    private final JdbcClient jdbc;
    private final Duration ttl;
    private final Clock clock;

    WebSessionStore(JdbcClient jdbc, Duration ttl, Clock clock) {
        this.jdbc = jdbc;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** A new session: the cookie value, the CSRF token and when both expire. */
    record Started(String sessionToken, String csrfToken, Instant expiresAt) {
    }

    Started start(UUID userId) {
        Instant now = clock.instant();
        String session = Secrets.newSecret("ws_");
        String csrf = Secrets.newSecret("csrf_");
        Instant expires = now.plus(ttl);
        jdbc.sql("insert into web_session (token_sha256, csrf_sha256, user_id, created_at, expires_at) values (?, ?, ?, ?, ?)")
                .params(Secrets.sha256(session), Secrets.sha256(csrf), userId, Timestamp.from(now), Timestamp.from(expires))
                .update();
        return new Started(session, csrf, expires);
    }

    void end(String sessionToken) {
        jdbc.sql("delete from web_session where token_sha256 = ?").param(Secrets.sha256(sessionToken)).update();
    }

    /** Ends every web session of the account. */
    void endAll(UUID userId) {
        jdbc.sql("delete from web_session where user_id = ?").param(userId).update();
    }

    @Override
    public Optional<WebSession> resolve(String sessionCookie) {
        if (sessionCookie.isEmpty() || sessionCookie.length() > 128) return Optional.empty();
        return jdbc.sql("""
                select u.id, u.role, u.plan, s.csrf_sha256 from web_session s join app_user u on u.id = s.user_id
                where s.token_sha256 = ? and s.expires_at > ? and u.locked_at is null""")
                .params(Secrets.sha256(sessionCookie), Timestamp.from(clock.instant()))
                .query((rs, n) -> {
                    Role role = Role.fromClaim(rs.getString(2)).orElse(Role.USER);
                    Set<Role> roles = role == Role.ADMIN ? Set.of(Role.USER, Role.ADMIN) : Set.of(Role.USER);
                    return new WebSession(new Caller(rs.getObject(1, UUID.class).toString(), roles,
                            Plan.fromClaim(rs.getString(3))), rs.getBytes(4));
                })
                .optional();
    }
}
