package org.gospelib.study.internal;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.gospelib.study.PlanDayCompleted;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Enrolling in reading plans and marking days read; each write one transaction with its event. */
@Service
class PlanService {

    /** A user's plan: its days and what is read. */
    record Enrolment(UUID id, String planKey, String name, List<List<String>> readings, LocalDate start, ZoneId zone,
            Set<Integer> read) {
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
        store.ensureUser(user);
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into plan_enrolment (id, user_id, plan_key, name, readings, start_date, time_zone)
                values (?, ?, ?, ?, ?::jsonb, ?, ?)""", id, user, planKey, name, json.writeValueAsString(readings), start, zone.getId());
        return new Enrolment(id, planKey, name, readings, start, zone, Set.of());
    }

    @Transactional(readOnly = true)
    List<Enrolment> list(UUID user) {
        return jdbc.query(SELECT + " where user_id = ? order by created_at, id", this::enrolment, user);
    }

    @Transactional(readOnly = true)
    Optional<Enrolment> find(UUID user, UUID id) {
        return jdbc.query(SELECT + " where id = ? and user_id = ?", this::enrolment, id, user).stream().findFirst();
    }

    private static final String SELECT = "select id, plan_key, name, readings::text, start_date, time_zone from plan_enrolment";

    private Enrolment enrolment(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        UUID id = rs.getObject(1, UUID.class);
        return new Enrolment(id, rs.getString(2), rs.getString(3),
                json.readValue(rs.getString(4), new TypeReference<List<List<String>>>() { }),
                rs.getObject(5, LocalDate.class), ZoneId.of(rs.getString(6)), read(id));
    }

    /** Marks a day read (again: no change) or not; empty if the user has no such plan or day. */
    @Transactional
    Optional<Enrolment> mark(UUID user, UUID id, int day, boolean read) {
        Optional<Enrolment> enrolment = find(user, id);
        if (enrolment.isEmpty() || day < 1 || day > enrolment.get().readings().size()) return Optional.empty();
        if (read) {
            int added = jdbc.update("insert into plan_day_read (enrolment_id, day, read_at) values (?, ?, ?) on conflict do nothing",
                    id, day, java.sql.Timestamp.from(clock.instant()));
            if (added > 0) events.publishEvent(new PlanDayCompleted(user, id, day, Instant.now(clock)));
        } else {
            jdbc.update("delete from plan_day_read where enrolment_id = ? and day = ?", id, day);
        }
        return find(user, id);
    }

    /** Moves the start so that the first unread day is today's. */
    @Transactional
    Optional<Enrolment> catchUp(UUID user, UUID id) {
        Optional<Enrolment> enrolment = find(user, id);
        if (enrolment.isEmpty()) return Optional.empty();
        PlanProgress progress = enrolment.get().progress(clock);
        if (progress.finished()) return enrolment;
        LocalDate start = PlanProgress.catchUpStart(LocalDate.now(clock.withZone(enrolment.get().zone())), progress.nextUnread());
        jdbc.update("update plan_enrolment set start_date = ? where id = ? and user_id = ?", start, id, user);
        return find(user, id);
    }

    @Transactional
    boolean leave(UUID user, UUID id) {
        return jdbc.update("delete from plan_enrolment where id = ? and user_id = ?", id, user) > 0;
    }

    private Set<Integer> read(UUID enrolment) {
        return new HashSet<>(jdbc.queryForList("select day from plan_day_read where enrolment_id = ?", Integer.class, enrolment));
    }
}
