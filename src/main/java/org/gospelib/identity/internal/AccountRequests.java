package org.gospelib.identity.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.gospelib.identity.AccountLinks;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The single-use requests behind emailed account links, in {@code account_request}. A request is
 * made without a secret; each send mints one ({@link #issue}) and keeps only its digest, so a
 * retried send invalidates the link of the one before. Redeeming is one conditional update, so two
 * concurrent uses of one link cannot both succeed.
 */
class AccountRequests {

    enum Purpose {
        PASSWORD_RESET("password-reset"), EMAIL_VERIFICATION("email-verification"), EMAIL_CHANGE("email-change");

        final String column;

        Purpose(String column) {
            this.column = column;
        }
    }

    /** A redeemed request: whose it was and, for an address change, the new address. */
    record Redeemed(UUID userId, Optional<String> newEmail) {
    }

    private final JdbcClient jdbc;

    AccountRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new request, superseding the open ones of the same purpose. */
    UUID open(UUID userId, Purpose purpose, Optional<String> newEmail, Instant now, Duration lifetime) {
        jdbc.sql("""
                update account_request set closed_at = ?, closed_why = 'superseded'
                where user_id = ? and purpose = ? and closed_at is null""")
                .params(Timestamp.from(now), userId, purpose.column).update();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into account_request (id, user_id, purpose, new_email, created_at, expires_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(id, userId, purpose.column, newEmail.orElse(null), Timestamp.from(now), Timestamp.from(now.plus(lifetime)))
                .update();
        return id;
    }

    /** Requests of the purpose the account made since {@code since}: the bound on emails anyone can make it send. */
    int madeSince(UUID userId, Purpose purpose, Instant since) {
        return jdbc.sql("select count(*) from account_request where user_id = ? and purpose = ? and created_at > ?")
                .params(userId, purpose.column, Timestamp.from(since)).query(Integer.class).single();
    }

    /** A new secret for an open, unexpired request; empty otherwise. */
    Optional<AccountLinks.AccountLink> issue(UUID requestId, Instant now) {
        String token = Secrets.newSecret("acct_");
        return jdbc.sql("""
                update account_request set token_sha256 = ?
                where id = ? and closed_at is null and expires_at > ? returning expires_at""")
                .params(Secrets.sha256(token), requestId, Timestamp.from(now))
                .query((rs, n) -> new AccountLinks.AccountLink(token, rs.getTimestamp(1).toInstant())).optional();
    }

    /** Uses the request the token was minted for, if it is of the purpose, open and unexpired. */
    Optional<Redeemed> redeem(String token, Purpose purpose, Instant now) {
        if (token.isEmpty() || token.length() > 128) return Optional.empty();
        return jdbc.sql("""
                update account_request set closed_at = ?, closed_why = 'used'
                where token_sha256 = ? and purpose = ? and closed_at is null and expires_at > ?
                returning user_id, new_email""")
                .params(Timestamp.from(now), Secrets.sha256(token), purpose.column, Timestamp.from(now))
                .query((rs, n) -> new Redeemed(rs.getObject(1, UUID.class), Optional.ofNullable(rs.getString(2))))
                .optional();
    }

    /** Closes every open request of the account (a reset password, a changed address: older links must not work). */
    void closeAll(UUID userId, Instant now) {
        jdbc.sql("update account_request set closed_at = ?, closed_why = 'superseded' where user_id = ? and closed_at is null")
                .params(Timestamp.from(now), userId).update();
    }
}
