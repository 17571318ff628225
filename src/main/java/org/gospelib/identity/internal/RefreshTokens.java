package org.gospelib.identity.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Refresh-token families in PostgreSQL; the rules are {@link RefreshRules}. Callers hold the transaction. */
class RefreshTokens {

    private final JdbcClient jdbc;
    private final Duration ttl;

    RefreshTokens(JdbcClient jdbc, Duration ttl) {
        this.jdbc = jdbc;
        this.ttl = ttl;
    }

    /** Starts a family (a sign-in) and returns its first token. */
    String startFamily(UUID userId, Instant now) {
        UUID family = UUID.randomUUID();
        jdbc.sql("insert into refresh_family (id, user_id, created_at) values (?, ?, ?)")
                .params(family, userId, Timestamp.from(now)).update();
        return issue(family, userId, now);
    }

    private String issue(UUID family, UUID userId, Instant now) {
        String token = Secrets.newSecret("rt_");
        jdbc.sql("insert into refresh_token (token_sha256, family_id, user_id, issued_at, expires_at) values (?, ?, ?, ?, ?)")
                .params(Secrets.sha256(token), family, userId, Timestamp.from(now), Timestamp.from(now.plus(ttl)))
                .update();
        return token;
    }

    /** The result of presenting a refresh token: the user and the next token when it rotated. */
    record Exchange(RefreshRules.Outcome outcome, Optional<UUID> userId, Optional<String> next) {
    }

    Exchange exchange(String token, Instant now) {
        byte[] digest = Secrets.sha256(token);
        record Row(UUID family, UUID user, RefreshRules.Presented presented) {
        }
        Optional<Row> row = jdbc.sql("""
                select t.family_id, t.user_id, t.expires_at, t.used_at, f.revoked_at
                from refresh_token t join refresh_family f on f.id = t.family_id
                where t.token_sha256 = ? for update of t, f""")
                .param(digest)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        new RefreshRules.Presented(rs.getTimestamp(3).toInstant(),
                                Optional.ofNullable(rs.getTimestamp(4)).map(Timestamp::toInstant),
                                Optional.ofNullable(rs.getTimestamp(5)).map(Timestamp::toInstant))))
                .optional();
        RefreshRules.Outcome outcome = RefreshRules.decide(row.map(Row::presented), now);
        return switch (outcome) {
            case ROTATE -> {
                jdbc.sql("update refresh_token set used_at = ? where token_sha256 = ?").params(Timestamp.from(now), digest).update();
                yield new Exchange(outcome, Optional.of(row.get().user()), Optional.of(issue(row.get().family(), row.get().user(), now)));
            }
            case REUSED -> {
                revokeFamily(row.get().family(), "reuse", now);
                yield new Exchange(outcome, Optional.of(row.get().user()), Optional.empty());
            }
            default -> new Exchange(outcome, row.map(Row::user), Optional.empty());
        };
    }

    /** Signs out the family the token belongs to; unknown tokens are ignored. */
    void revoke(String token, Instant now) {
        jdbc.sql("select family_id from refresh_token where token_sha256 = ?").param(Secrets.sha256(token))
                .query(UUID.class).optional()
                .ifPresent(family -> revokeFamily(family, "sign-out", now));
    }

    /** Signs out every sign-in of the account (its password was reset). */
    void revokeAll(UUID userId, String why, Instant now) {
        jdbc.sql("update refresh_family set revoked_at = ?, revoked_why = ? where user_id = ? and revoked_at is null")
                .params(Timestamp.from(now), why, userId).update();
    }

    private void revokeFamily(UUID family, String why, Instant now) {
        jdbc.sql("update refresh_family set revoked_at = ?, revoked_why = ? where id = ? and revoked_at is null")
                .params(Timestamp.from(now), why, family).update();
    }
}
