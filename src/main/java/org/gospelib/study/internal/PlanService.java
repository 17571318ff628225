package org.gospelib.study.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.gospelib.study.PlanDayCompleted;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Enrolling in reading plans and marking days read. Each write is one transaction: it takes the
 * user's next change number first (as item writes do, under the lock on the user's row), and the
 * enrolment, if it changed, carries that number into {@code /v1/me/sync}; leaving keeps a
 * tombstone. A day newly read publishes {@link PlanDayCompleted} in the same transaction.
 */
@Service
class PlanService {

    /** A user's plan: its days and what is read; or, {@code deleted}, the tombstone of a plan left. */
    record Enrolment(UUID id, String planKey, String name, List<List<String>> readings, LocalDate start, ZoneId zone,
            Set<Integer> read, int version, long change, boolean deleted, Instant updatedAt) implements SyncEntry {
        PlanProgress progress(Clock clock) {
            return PlanProgress.of(start, LocalDate.now(clock.withZone(zone)), readings.size(), read);
        }
    }

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final StudyStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    PlanService(JdbcTemplate jdbc, JsonMapper json, StudyStore store, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.json = json;
        this.store = store;
        this.events = events;
    }

    /** The clock plans are read by: a method, as callers may hold this service through its transaction proxy. */
    Clock clock() {
        return clock;
    }

    static ZoneId zone(String id) throws InvalidItem {
        try {
            return ZoneId.of(id == null || id.isBlank() ? "UTC" : id.strip());
        } catch (DateTimeException e) {
            throw new InvalidItem("timeZone", "unknown time zone '" + id + "'; use an IANA name such as Europe/Madrid");
        }
    }

    @Transactional
    Enrolment enrol(UUID user, String planKey, String name, List<List<String>> readings, LocalDate start, ZoneId zone) {
        long change = store.nextChange(user);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.update("""
                insert into plan_enrolment (id, user_id, plan_key, name, readings, start_date, time_zone, version, change, updated_at)
                values (?, ?, ?, ?, ?::jsonb, ?, ?, 1, ?, ?)""", id, user, planKey, name, json.writeValueAsString(readings), start,
                zone.getId(), change, Timestamp.from(now));
        return new Enrolment(id, planKey, name, readings, start, zone, Set.of(), 1, change, false, now);
    }

    @Transactional(readOnly = true)
    List<Enrolment> list(UUID user) {
        return jdbc.query(SELECT + " where e.user_id = ? and not e.deleted order by e.created_at, e.id", this::enrolment, user);
    }

    @Transactional(readOnly = true)
    Optional<Enrolment> find(UUID user, UUID id) {
        return jdbc.query(SELECT + " where e.id = ? and e.user_id = ? and not e.deleted", this::enrolment, id, user).stream().findFirst();
    }

    /** Enrolments the user changed after {@code since}, tombstones included, in change order. */
    @Transactional(readOnly = true)
    List<Enrolment> changes(UUID user, long since, int limit) {
        return jdbc.query(SELECT + " where e.user_id = ? and e.change > ? order by e.change limit ?", this::enrolment, user, since, limit);
    }

    private static final String SELECT = """
            select e.id, e.plan_key, e.name, e.readings::text, e.start_date, e.time_zone, e.version, e.change, e.deleted,
                   e.updated_at, array(select r.day from plan_day_read r where r.enrolment_id = e.id order by r.day)
            from plan_enrolment e""";

    private Enrolment enrolment(ResultSet rs, int row) throws SQLException {
        Set<Integer> read = new TreeSet<>(Arrays.asList((Integer[]) rs.getArray(11).getArray()));
        return new Enrolment(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                json.readValue(rs.getString(4), new TypeReference<List<List<String>>>() { }),
                rs.getObject(5, LocalDate.class), ZoneId.of(rs.getString(6)), read, rs.getInt(7), rs.getLong(8),
                rs.getBoolean(9), rs.getTimestamp(10).toInstant());
    }

    /** Marks a day read (again: no change) or not; empty if the user has no such plan or day. */
    @Transactional
    Optional<Enrolment> mark(UUID user, UUID id, int day, boolean read) {
        long change = store.nextChange(user);
        Optional<Enrolment> enrolment = find(user, id);
        if (enrolment.isEmpty() || day < 1 || day > enrolment.get().readings().size()) return Optional.empty();
        boolean changed;
        if (read) {
            Instant now = clock.instant();
            changed = jdbc.update("insert into plan_day_read (enrolment_id, day, read_at) values (?, ?, ?) on conflict do nothing",
                    id, day, Timestamp.from(now)) > 0;
            if (changed) events.publishEvent(new PlanDayCompleted(user, id, day, now));
        } else {
            changed = jdbc.update("delete from plan_day_read where enrolment_id = ? and day = ?", id, day) > 0;
        }
        // unchanged: the number taken is simply not used, as for a replayed create
        if (changed) newVersion(user, id, change);
        return find(user, id);
    }

    /** Moves the start so that the first unread day is today's. */
    @Transactional
    Optional<Enrolment> catchUp(UUID user, UUID id) {
        long change = store.nextChange(user);
        Optional<Enrolment> enrolment = find(user, id);
        if (enrolment.isEmpty()) return Optional.empty();
        PlanProgress progress = enrolment.get().progress(clock);
        if (progress.finished()) return enrolment;
        LocalDate start = PlanProgress.catchUpStart(LocalDate.now(clock.withZone(enrolment.get().zone())), progress.nextUnread());
        if (start.equals(enrolment.get().start())) return enrolment;
        jdbc.update("update plan_enrolment set start_date = ? where id = ? and user_id = ?", start, id, user);
        newVersion(user, id, change);
        return find(user, id);
    }

    /** Leaves a plan: its days read go, a tombstone stays for sync. True if there was a plan to leave. */
    @Transactional
    boolean leave(UUID user, UUID id) {
        long change = store.nextChange(user);
        int left = jdbc.update("""
                update plan_enrolment set deleted = true, readings = '[]'::jsonb, version = version + 1, change = ?, updated_at = ?
                where id = ? and user_id = ? and not deleted""", change, Timestamp.from(clock.instant()), id, user);
        if (left == 0) return false;
        jdbc.update("delete from plan_day_read where enrolment_id = ?", id);
        return true;
    }

    /** The enrolment's new version, carrying the change number its write took. */
    private void newVersion(UUID user, UUID id, long change) {
        jdbc.update("update plan_enrolment set version = version + 1, change = ?, updated_at = ? where id = ? and user_id = ?",
                change, Timestamp.from(clock.instant()), id, user);
    }
}
