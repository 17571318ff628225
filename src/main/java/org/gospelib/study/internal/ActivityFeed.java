package org.gospelib.study.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gospelib.study.BookmarkCreated;
import org.gospelib.study.HighlightCreated;
import org.gospelib.study.NoteCreated;
import org.gospelib.study.PlanDayCompleted;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's study activity, newest first: a read model written from the module's own events.
 * Each listener runs after the write commits, on its own thread and in its own transaction, from
 * the event publication registry, so an event is delivered at least once (again on restart if the
 * process died first). An entry's natural key (user, kind, item or enrolment, day) makes a
 * repeated delivery insert nothing, and an event that arrives after the account was deleted
 * writes nothing either.
 */
@Component
class ActivityFeed {

    static final String HIGHLIGHT_CREATED = "highlight.created";
    static final String NOTE_CREATED = "note.created";
    static final String BOOKMARK_CREATED = "bookmark.created";
    static final String PLAN_DAY_COMPLETED = "plan.day-completed";

    /** One entry: {@code subject} is the item, or the plan enrolment with its {@code day}. */
    record Entry(String kind, UUID subject, int day, String osis, Instant at) {
        boolean planDay() {
            return PLAN_DAY_COMPLETED.equals(kind);
        }
    }

    private final JdbcTemplate jdbc;

    ActivityFeed(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(HighlightCreated event) {
        add(event.userId(), HIGHLIGHT_CREATED, event.itemId(), 0, event.osis(), event.at());
    }

    @ApplicationModuleListener
    void on(NoteCreated event) {
        add(event.userId(), NOTE_CREATED, event.itemId(), 0, event.osis(), event.at());
    }

    @ApplicationModuleListener
    void on(BookmarkCreated event) {
        add(event.userId(), BOOKMARK_CREATED, event.itemId(), 0, event.osis(), event.at());
    }

    @ApplicationModuleListener
    void on(PlanDayCompleted event) {
        // a day read, unread and read again stays one entry, at its first completion
        add(event.userId(), PLAN_DAY_COMPLETED, event.enrolmentId(), event.day(), null, event.at());
    }

    /** The user's latest entries, newest first. */
    @Transactional(readOnly = true)
    List<Entry> latest(UUID user, int limit) {
        return jdbc.query("""
                select kind, subject, day, osis, at from study_activity
                where user_id = ? order by at desc, seq desc limit ?""",
                (rs, i) -> new Entry(rs.getString(1), rs.getObject(2, UUID.class), rs.getInt(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()), user, limit);
    }

    private void add(UUID user, String kind, UUID subject, int day, String osis, Instant at) {
        // only for a user who still has study data: never brings a deleted account's row back
        jdbc.update("""
                insert into study_activity (user_id, kind, subject, day, osis, at)
                select ?::uuid, ?::text, ?::uuid, ?::int, ?::text, ?::timestamptz where exists (select 1 from study_user where user_id = ?::uuid)
                on conflict (user_id, kind, subject, day) do nothing""",
                user, kind, subject, day, osis, Timestamp.from(at), user);
    }
}
