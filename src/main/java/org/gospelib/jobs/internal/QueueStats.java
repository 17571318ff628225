package org.gospelib.jobs.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** How the queue stands, read from db-scheduler's table and the dead jobs. */
@Repository
class QueueStats {

    /** One kind's jobs: waiting for their time, due now, running, retrying after a failure, dead. */
    record KindStats(String kind, long scheduled, long due, long running, long retrying, long dead, long oldestDueSeconds) {
    }

    /** One job in the queue. */
    record Queued(String kind, String key, Instant runAt, boolean running, int failures, int priority,
            Optional<Instant> lastFailure) {
    }

    private final JdbcTemplate jdbc;

    QueueStats(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<KindStats> byKind(List<String> knownKinds) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (String kind : knownKinds) counts.put(kind, new long[6]);
        jdbc.query("""
                select split_part(task_name, '@', 1) as kind,
                       count(*) filter (where not picked and execution_time > now()) as scheduled,
                       count(*) filter (where not picked and execution_time <= now()) as due,
                       count(*) filter (where picked) as running,
                       count(*) filter (where not picked and coalesce(consecutive_failures, 0) > 0) as retrying,
                       coalesce(extract(epoch from now() - min(execution_time) filter (where not picked and execution_time <= now())), 0) as oldest
                from scheduled_tasks group by 1""", rs -> {
            long[] c = counts.computeIfAbsent(rs.getString("kind"), k -> new long[6]);
            c[0] = rs.getLong("scheduled");
            c[1] = rs.getLong("due");
            c[2] = rs.getLong("running");
            c[3] = rs.getLong("retrying");
            c[5] = (long) rs.getDouble("oldest");
        });
        jdbc.query("select kind, count(*) from job_dead group by kind",
                rs -> { counts.computeIfAbsent(rs.getString(1), k -> new long[6])[4] = rs.getLong(2); });
        List<KindStats> stats = new ArrayList<>();
        counts.forEach((kind, c) -> stats.add(new KindStats(kind, c[0], c[1], c[2], c[3], c[4], c[5])));
        return stats;
    }

    List<Queued> jobs(String kind, boolean failingOnly, int limit) {
        return jdbc.query("""
                select task_name, task_instance, execution_time, picked, coalesce(consecutive_failures, 0) as failures,
                       coalesce(priority, 0) as priority, last_failure
                from scheduled_tasks where split_part(task_name, '@', 1) = ? and (not ? or coalesce(consecutive_failures, 0) > 0)
                order by picked desc, execution_time limit ?""",
                (rs, i) -> new Queued(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getBoolean(4),
                        rs.getInt(5), rs.getInt(6), Optional.ofNullable(rs.getTimestamp(7)).map(java.sql.Timestamp::toInstant)),
                kind, failingOnly, limit);
    }

}
