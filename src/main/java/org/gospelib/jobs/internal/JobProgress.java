package org.gospelib.jobs.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** How far running jobs have got ({@code job_progress}). */
@Repository
class JobProgress {

    record Progress(long done, long total, String note, Instant updatedAt) {
    }

    private final JdbcTemplate jdbc;

    JobProgress(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(String kind, String key, long done, long total, String note) {
        jdbc.update("""
                insert into job_progress (kind, job_key, done, total, note, updated_at) values (?, ?, ?, ?, ?, ?)
                on conflict (kind, job_key) do update set done = excluded.done, total = excluded.total,
                    note = excluded.note, updated_at = excluded.updated_at""",
                kind, key, done, total, note.length() > 500 ? note.substring(0, 500) : note, Timestamp.from(Instant.now()));
    }

    Optional<Progress> of(String kind, String key) {
        return jdbc.query("select done, total, note, updated_at from job_progress where kind = ? and job_key = ?",
                (rs, i) -> new Progress(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getTimestamp(4).toInstant()),
                kind, key).stream().findFirst();
    }

    void clear(String kind, String key) {
        jdbc.update("delete from job_progress where kind = ? and job_key = ?", kind, key);
    }
}
