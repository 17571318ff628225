package org.gospelib.identity.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gospelib.audit.AuditLog;
import org.gospelib.audit.AuditedChange;
import org.gospelib.identity.Caller;
import org.gospelib.identity.Role;
import org.gospelib.platform.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What operators see of readers and do to them. Every change is written to the audit log in its
 * own transaction, with the reader's state before and after.
 */
@Component
class ReaderAdministration {

    static final int MAX_FOUND = 100;

    /** A reader as the console lists them. */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record Reader(UUID id, String email, String displayName, String role, String plan, Instant createdAt,
            Optional<Instant> lastSignInAt, int signIns, Optional<Instant> lockedAt) {
    }

    /** Failed sign-ins counted against the reader's email, and the lockout they started. */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record SignInFailures(int failures, Optional<Instant> lockedUntil) {
    }

    /** One reader in full: the account, its sign-ins, sessions and lockouts. */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record ReaderDetail(UUID id, String email, boolean emailVerified, String displayName, String language, List<String> roles,
            String plan, Instant createdAt, Optional<Instant> lastSignInAt, int signIns, Optional<Instant> lockedAt,
            int webSessions, int signedInApps, Optional<SignInFailures> signInFailures) {
    }

    /** Accounts made on one day (UTC). */
    record Day(java.time.LocalDate day, long accounts) {
    }

    /** Every day of the window, the days without sign-ups too. */
    record SignUps(List<Day> days) {
    }

    /** A reader's state an operator can change, as the audit log keeps it. */
    record AuditedState(String email, String role, boolean locked, int webSessions, int signedInApps) {
    }

    private final JdbcClient jdbc;
    private final UserStore users;
    private final WebSessionStore sessions;
    private final RefreshTokens refreshTokens;
    private final IdentityService identity;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ReaderAdministration(JdbcClient jdbc, UserStore users, WebSessionStore sessions, RefreshTokens refreshTokens,
            IdentityService identity, AuditLog audit, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.identity = identity;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Readers whose email or name contains {@code text} (any case), newest first; the newest when it is blank. */
    List<Reader> find(String text, int limit) {
        String pattern = "%" + text.strip().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        return jdbc.sql("""
                select id, email, display_name, role, plan, created_at, last_sign_in_at, sign_ins, locked_at from app_user
                where lower(email) like ? or lower(display_name) like ? order by created_at desc, id limit ?""")
                .params(pattern, pattern, Math.clamp(limit, 1, MAX_FOUND)).query(ReaderAdministration::reader).list();
    }

    SignUps signUps(int days) {
        java.time.LocalDate today = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        java.time.LocalDate first = today.minusDays(days - 1L);
        java.util.Map<java.time.LocalDate, Long> counted = new java.util.HashMap<>();
        jdbc.sql("""
                select (created_at at time zone 'UTC')::date, count(*) from app_user
                where created_at >= ? group by 1""").param(Timestamp.valueOf(first.atStartOfDay()))
                .query((rs, n) -> counted.put(rs.getObject(1, java.time.LocalDate.class), rs.getLong(2))).list();
        return new SignUps(first.datesUntil(today.plusDays(1)).map(d -> new Day(d, counted.getOrDefault(d, 0L))).toList());
    }

    Optional<ReaderDetail> detail(UUID id) {
        return users.byId(id).map(account -> {
            Reader r = jdbc.sql("""
                    select id, email, display_name, role, plan, created_at, last_sign_in_at, sign_ins, locked_at from app_user
                    where id = ?""").param(id).query(ReaderAdministration::reader).single();
            Optional<SignInFailures> failures = jdbc.sql("select failures, locked_until from sign_in_throttle where email = ?")
                    .param(account.email().toLowerCase(java.util.Locale.ROOT))
                    .query((rs, n) -> new SignInFailures(rs.getInt(1), instant(rs, 2))).optional();
            ApiModel.User user = ApiModel.User.of(account);
            return new ReaderDetail(id, user.email(), user.emailVerified(), user.displayName(), user.language(), user.roles(),
                    user.plan(), user.createdAt(), r.lastSignInAt(), r.signIns(), r.lockedAt(), webSessions(id), signedInApps(id),
                    failures);
        });
    }

    /** The reader can no longer sign in; their sessions and sign-ins end now. */
    ReaderDetail lock(Caller operator, UUID id) {
        return change(operator, id, "reader.lock", () -> {
            jdbc.sql("update app_user set locked_at = coalesce(locked_at, ?) where id = ?").params(Timestamp.from(clock.instant()), id)
                    .update();
            endSignIns(id, "locked by an operator");
        });
    }

    /** The reader can sign in again, and the lockout of wrong passwords is lifted too. */
    ReaderDetail unlock(Caller operator, UUID id) {
        return change(operator, id, "reader.unlock", () -> {
            jdbc.sql("update app_user set locked_at = null where id = ?").param(id).update();
            users.byId(id).ifPresent(a -> jdbc.sql("delete from sign_in_throttle where email = ?")
                    .param(a.email().toLowerCase(java.util.Locale.ROOT)).update());
        });
    }

    /** Every web session and app sign-in of the reader ends; they can sign in again. */
    ReaderDetail endSessions(Caller operator, UUID id) {
        return change(operator, id, "reader.sessions-ended", () -> endSignIns(id, "ended by an operator"));
    }

    ReaderDetail grant(Caller operator, UUID id, Role role) {
        requireOther(operator, id, "an operator cannot change their own role; ask another admin");
        return change(operator, id, "reader.role", () -> jdbc.sql("update app_user set role = ?, updated_at = ? where id = ?")
                .params(role.claim(), Timestamp.from(clock.instant()), id).update());
    }

    /** Deletes the account with the same cascade as a reader deleting it themselves ({@code UserDeleted}). */
    void delete(Caller operator, UUID id) {
        requireOther(operator, id, "an operator deletes their own account from their account page");
        transactions.executeWithoutResult(tx -> {
            UserAccount account = users.byId(id).orElseThrow(ReaderAdministration::notFound);
            audit.record(AuditedChange.removal(operator.subject(), "reader.delete", target(id), state(id)));
            identity.delete(account);
        });
    }

    private ReaderDetail change(Caller operator, UUID id, String action, Runnable work) {
        transactions.executeWithoutResult(tx -> {
            if (users.byId(id).isEmpty()) throw notFound();
            AuditedState before = state(id);
            work.run();
            audit.record(AuditedChange.of(operator.subject(), action, target(id), before, state(id)));
        });
        return detail(id).orElseThrow(ReaderAdministration::notFound);
    }

    private void endSignIns(UUID id, String why) {
        sessions.endAll(id);
        refreshTokens.revokeAll(id, why, clock.instant());
    }

    private AuditedState state(UUID id) {
        UserAccount account = users.byId(id).orElseThrow(ReaderAdministration::notFound);
        return new AuditedState(account.email(), account.role().claim(), users.lockedAt(id).isPresent(), webSessions(id), signedInApps(id));
    }

    private int webSessions(UUID id) {
        return jdbc.sql("select count(*) from web_session where user_id = ? and expires_at > ?")
                .params(id, Timestamp.from(clock.instant())).query(Integer.class).single();
    }

    private int signedInApps(UUID id) {
        return jdbc.sql("select count(*) from refresh_family where user_id = ? and revoked_at is null").param(id)
                .query(Integer.class).single();
    }

    private static void requireOther(Caller operator, UUID id, String detail) {
        if (operator.subject().equals(id.toString())) {
            throw new ProblemException("own-account", "Not on your own account", 409, detail);
        }
    }

    static String target(UUID id) {
        return "reader:" + id;
    }

    static ProblemException notFound() {
        return new ProblemException("not-found", "Not found", 404, "no such reader");
    }

    private static Reader reader(ResultSet rs, int row) throws SQLException {
        return new Reader(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(), instant(rs, 7), rs.getInt(8), instant(rs, 9));
    }

    private static Optional<Instant> instant(ResultSet rs, int column) throws SQLException {
        return Optional.ofNullable(rs.getTimestamp(column)).map(Timestamp::toInstant);
    }
}
