package org.gospelib.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** When reminders come: each reader's local time, every day, daylight-saving changes and quiet hours included. */
class ReminderScheduleTests {

    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    @Test
    void aTimeTheSpringChangeSkipsComesAsMuchLaterAndATimeTheAutumnRepeatsComesOnce() {
        // 2027-03-28: Madrid's clocks go from 02:00 to 03:00; 02:30 does not exist that night
        Instant spring = ReminderSchedule.next(MADRID, LocalTime.of(2, 30), Optional.empty(), Instant.parse("2027-03-27T12:00:00Z"));
        assertThat(spring).isEqualTo(Instant.parse("2027-03-28T01:30:00Z"));
        assertThat(spring.atZone(MADRID).toLocalTime()).isEqualTo(LocalTime.of(3, 30));
        // 2027-10-31: from 03:00 back to 02:00; 02:30 happens twice, the reminder comes at the first
        Instant autumn = ReminderSchedule.next(MADRID, LocalTime.of(2, 30), Optional.empty(), Instant.parse("2027-10-30T12:00:00Z"));
        assertThat(autumn).isEqualTo(Instant.parse("2027-10-31T00:30:00Z"));
        Instant after = ReminderSchedule.next(MADRID, LocalTime.of(2, 30), Optional.empty(), autumn);
        assertThat(after.atZone(MADRID).toLocalDate()).isEqualTo(LocalDate.of(2027, 11, 1));
        // 08:00 stays 08:00 in Madrid across the change: 06:00Z in summer time, 07:00Z after it
        assertThat(ReminderSchedule.next(MADRID, LocalTime.of(8, 0), Optional.empty(), Instant.parse("2027-10-30T12:00:00Z")))
                .isEqualTo(Instant.parse("2027-10-31T07:00:00Z"));
        assertThat(ReminderSchedule.next(MADRID, LocalTime.of(8, 0), Optional.empty(), Instant.parse("2027-10-29T12:00:00Z")))
                .isEqualTo(Instant.parse("2027-10-30T06:00:00Z"));
    }

    @Test
    void quietHoursMoveAReminderToTheirEndAcrossMidnight() {
        var quiet = Optional.of(new ReminderSchedule.QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0)));
        ZoneId zone = ZoneId.of("America/Mexico_City");
        // 06:00 in Mexico City: the 23:30 reminder of the evening before comes at 07:00
        Instant late = ReminderSchedule.next(zone, LocalTime.of(23, 30), quiet, Instant.parse("2027-05-01T12:00:00Z"));
        assertThat(late.atZone(zone).toLocalDateTime()).isEqualTo(LocalDate.of(2027, 5, 1).atTime(7, 0));
        assertThat(ReminderSchedule.next(zone, LocalTime.of(23, 30), quiet, late).atZone(zone).toLocalDateTime())
                .isEqualTo(LocalDate.of(2027, 5, 2).atTime(7, 0));
        Instant early = ReminderSchedule.next(zone, LocalTime.of(6, 0), quiet, Instant.parse("2027-05-01T20:00:00Z"));
        assertThat(early.atZone(zone).toLocalDateTime()).isEqualTo(LocalDate.of(2027, 5, 2).atTime(7, 0));
        Instant outside = ReminderSchedule.next(zone, LocalTime.of(7, 0), quiet, Instant.parse("2027-05-01T20:00:00Z"));
        assertThat(outside.atZone(zone).toLocalDateTime()).isEqualTo(LocalDate.of(2027, 5, 2).atTime(7, 0));
    }

    record Case(ZoneId zone, LocalTime at, Optional<ReminderSchedule.QuietHours> quiet, Instant from) {
    }

    @Provide
    Arbitrary<Case> cases() {
        List<String> zones = new ArrayList<>(ZoneId.getAvailableZoneIds());
        zones.sort(null);
        Arbitrary<ZoneId> zone = Arbitraries.of(zones).map(ZoneId::of);
        Arbitrary<LocalTime> time = Arbitraries.integers().between(0, 24 * 60 - 1).map(m -> LocalTime.of(m / 60, m % 60));
        Arbitrary<Optional<ReminderSchedule.QuietHours>> quiet = Combinators.combine(time, time)
                .filter((a, b) -> !a.equals(b)).as((a, b) -> Optional.of(new ReminderSchedule.QuietHours(a, b)));
        Arbitrary<Instant> from = Arbitraries.longs().between(Instant.parse("2024-01-01T00:00:00Z").getEpochSecond(),
                Instant.parse("2032-12-31T00:00:00Z").getEpochSecond()).map(Instant::ofEpochSecond);
        Arbitrary<Optional<ReminderSchedule.QuietHours>> none = Arbitraries.just(Optional.empty());
        return Combinators.combine(zone, time, Arbitraries.oneOf(quiet, none), from).as(Case::new);
    }

    /**
     * Over every zone the JDK knows and thirty days from any moment: one reminder per local day,
     * each strictly later than the one before, never in quiet hours, and at the chosen time unless
     * quiet hours or a daylight-saving gap moved it.
     */
    @Property(tries = 300)
    void oneReminderADayAtTheChosenTimeOutsideQuietHours(@ForAll("cases") Case c) {
        Instant previous = c.from();
        LocalDate previousDay = null;
        for (int i = 0; i < 30; i++) {
            Instant next = ReminderSchedule.next(c.zone(), c.at(), c.quiet(), previous);
            assertThat(next).isAfter(previous);
            assertThat(Duration.between(previous, next)).isLessThanOrEqualTo(Duration.ofHours(50));
            ZonedDateTime local = next.atZone(c.zone());
            LocalDate day = ReminderSchedule.dayOf(next, c.zone());
            if (previousDay != null) assertThat(day).isAfter(previousDay);
            c.quiet().ifPresent(q -> assertThat(q.contains(local.toLocalTime()) && !local.toLocalTime().equals(q.end()))
                    .as("%s is in quiet hours %s", local, q).isFalse());
            boolean movedByQuiet = c.quiet().map(q -> q.contains(c.at())).orElse(false);
            boolean movedByGap = !c.zone().getRules().isValidOffset(local.toLocalDate().atTime(c.at()), local.getOffset())
                    && c.zone().getRules().getValidOffsets(local.toLocalDate().atTime(c.at())).isEmpty();
            if (!movedByQuiet && !movedByGap) assertThat(local.toLocalTime()).isEqualTo(c.at());
            previous = next;
            previousDay = day;
        }
    }
}
