package org.gospelib.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.gospelib.identity.Plan;
import org.gospelib.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Users in PostgreSQL. */
class UserStore {

    private static final String COLUMNS = "id, email, password_hash, external_id, display_name, role, plan, created_at, "
            + "email_verified_at, language";
    private final JdbcClient jdbc;

    UserStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a new account; empty if the email is taken. */
    Optional<UserAccount> insert(UserAccount user) {
        int inserted = jdbc.sql("""
                insert into app_user (id, email, password_hash, external_id, display_name, role, plan, created_at, updated_at,
                    email_verified_at, language)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(user.id(), user.email(), user.passwordHash().orElse(null), user.externalId().orElse(null),
                        user.displayName(), user.role().claim(), user.plan().claim(), Timestamp.from(user.createdAt()),
                        Timestamp.from(user.createdAt()), user.emailVerifiedAt().map(Timestamp::from).orElse(null),
                        user.language())
                .update();
        return inserted == 1 ? Optional.of(user) : Optional.empty();
    }

    Optional<UserAccount> byId(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from app_user where id = ?").param(id).query(UserStore::map).optional();
    }

    Optional<UserAccount> byEmail(String email) {
        return jdbc.sql("select " + COLUMNS + " from app_user where lower(email) = lower(?)").param(email)
                .query(UserStore::map).optional();
    }

    Optional<UserAccount> byExternalId(String externalId) {
        return jdbc.sql("select " + COLUMNS + " from app_user where external_id = ?").param(externalId)
                .query(UserStore::map).optional();
    }

    void updateProfile(UUID id, String email, String displayName, Instant now) {
        jdbc.sql("update app_user set email = ?, display_name = ?, updated_at = ? where id = ?")
                .params(email, displayName, Timestamp.from(now), id).update();
    }

    void markEmailVerified(UUID id, Instant now) {
        jdbc.sql("update app_user set email_verified_at = coalesce(email_verified_at, ?), updated_at = ? where id = ?")
                .params(Timestamp.from(now), Timestamp.from(now), id).update();
    }

    void setPasswordHash(UUID id, String hash, Instant now) {
        jdbc.sql("update app_user set password_hash = ?, updated_at = ? where id = ?").params(hash, Timestamp.from(now), id).update();
    }

    /** Moves the account to a proven address; false if another account holds it. */
    boolean changeEmail(UUID id, String email, Instant now) {
        return jdbc.sql("""
                update app_user set email = ?, email_verified_at = ?, updated_at = ?
                where id = ? and not exists (select 1 from app_user o where lower(o.email) = lower(?) and o.id <> ?)""")
                .params(email, Timestamp.from(now), Timestamp.from(now), id, email, id).update() == 1;
    }

    /** When an operator locked the account; empty when it is not locked. */
    Optional<Instant> lockedAt(UUID id) {
        return jdbc.sql("select locked_at from app_user where id = ?").param(id)
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant)).optional()
                .flatMap(x -> x);
    }

    /** Counts a successful sign-in. */
    void signedIn(UUID id, Instant now) {
        jdbc.sql("update app_user set last_sign_in_at = ?, sign_ins = sign_ins + 1 where id = ?").params(Timestamp.from(now), id)
                .update();
    }

    boolean delete(UUID id) {
        return jdbc.sql("delete from app_user where id = ?").param(id).update() == 1;
    }

    private static UserAccount map(ResultSet rs, int row) throws SQLException {
        return new UserAccount(rs.getObject(1, UUID.class), rs.getString(2), Optional.ofNullable(rs.getString(3)),
                Optional.ofNullable(rs.getString(4)), rs.getString(5), Role.fromClaim(rs.getString(6)).orElse(Role.USER),
                Plan.fromClaim(rs.getString(7)), rs.getTimestamp(8).toInstant(),
                Optional.ofNullable(rs.getTimestamp(9)).map(Timestamp::toInstant), rs.getString(10));
    }
}
