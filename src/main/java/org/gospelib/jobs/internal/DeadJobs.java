package org.gospelib.jobs.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Jobs whose attempts ran out ({@code job_dead}), kept for an operator to retry or discard. */
@Repository
class DeadJobs {

    record Dead(long id, String kind, String key, byte[] payload, int priority, int attempts, String error, Instant diedAt) {
    }

    private final JdbcTemplate jdbc;

    DeadJobs(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void bury(String kind, String key, byte[] payload, int priority, int attempts, String error, Instant at) {
        jdbc.update("""
                insert into job_dead (kind, job_key, payload, priority, attempts, error, died_at) values (?, ?, ?, ?, ?, ?, ?)
                on conflict (kind, job_key) do update set payload = excluded.payload, priority = excluded.priority,
                    attempts = excluded.attempts, error = excluded.error, died_at = excluded.died_at""",
                kind, key, payload == null ? new byte[0] : payload, priority, attempts, error, Timestamp.from(at));
    }

    List<Dead> list(Optional<String> kind, int limit) {
        String sql = "select * from job_dead" + (kind.isPresent() ? " where kind = ?" : "") + " order by died_at desc, id desc limit ?";
        Object[] args = kind.isPresent() ? new Object[] {kind.get(), limit} : new Object[] {limit};
        return jdbc.query(sql, (rs, i) -> new Dead(rs.getLong("id"), rs.getString("kind"), rs.getString("job_key"),
                rs.getBytes("payload"), rs.getInt("priority"), rs.getInt("attempts"), rs.getString("error"),
                rs.getTimestamp("died_at").toInstant()), args);
    }

    Optional<Dead> find(long id) {
        return jdbc.query("select * from job_dead where id = ?", (rs, i) -> new Dead(rs.getLong("id"), rs.getString("kind"),
                rs.getString("job_key"), rs.getBytes("payload"), rs.getInt("priority"), rs.getInt("attempts"),
                rs.getString("error"), rs.getTimestamp("died_at").toInstant()), id).stream().findFirst();
    }

    boolean remove(long id) {
        return jdbc.update("delete from job_dead where id = ?", id) == 1;
    }
}
