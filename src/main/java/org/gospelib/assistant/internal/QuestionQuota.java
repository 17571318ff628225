package org.gospelib.assistant.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Questions per reader per hour, counted in PostgreSQL so that every replica counts the same
 * questions: an hour's window opens with a reader's first question and the count starts again
 * when it has passed. One statement takes a question, so two at once are both counted.
 */
@Component
class QuestionQuota {

    /** The question taken, or the time until the reader may ask again. */
    record Taken(boolean allowed, Duration retryAfter) {
    }

    private final JdbcClient jdbc;

    QuestionQuota(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Taken take(UUID userId, int perHour) {
        record Row(int questions, Instant windowStart, Instant now) {
        }
        Row row = jdbc.sql("""
                insert into assistant_quota (user_id, window_start, questions) values (:user, now(), 1)
                on conflict (user_id) do update set
                    window_start = case when assistant_quota.window_start <= now() - interval '1 hour'
                                        then now() else assistant_quota.window_start end,
                    questions = case when assistant_quota.window_start <= now() - interval '1 hour'
                                     then 1 else assistant_quota.questions + 1 end
                returning questions, window_start, now()""")
                .param("user", userId)
                .query((rs, i) -> new Row(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()))
                .single();
        if (row.questions() <= perHour) return new Taken(true, Duration.ZERO);
        Duration left = Duration.between(row.now(), row.windowStart().plus(Duration.ofHours(1)));
        return new Taken(false, left.isNegative() ? Duration.ZERO : left);
    }
}
