package org.gospelib.notifications.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * When a reader's daily reminder is due: their local time on each day of their own calendar,
 * moved out of their quiet hours. Daylight-saving changes follow {@link ZonedDateTime}: a time
 * that does not exist that day (spring forward) comes as much later as the gap, a time that exists
 * twice (fall back) comes at the first.
 */
final class ReminderSchedule {

    /** Hours of the local day when nothing is sent: from {@code start} until {@code end}, across midnight if start is later. */
    record QuietHours(LocalTime start, LocalTime end) {
        QuietHours {
            if (start.equals(end)) throw new IllegalArgumentException("quiet hours that start when they end");
        }

        boolean contains(LocalTime time) {
            return start.isBefore(end) ? !time.isBefore(start) && time.isBefore(end)
                    : !time.isBefore(start) || time.isBefore(end);
        }
    }

    private ReminderSchedule() {
    }

    /** The first moment strictly after {@code after} when the reminder is due. */
    static Instant next(ZoneId zone, LocalTime at, Optional<QuietHours> quiet, Instant after) {
        LocalDate date = after.atZone(zone).toLocalDate().minusDays(1);
        for (int i = 0; i < 4; i++, date = date.plusDays(1)) {
            Instant due = outOfQuietHours(ZonedDateTime.of(date, at, zone), quiet).toInstant();
            if (due.isAfter(after)) return due;
        }
        throw new IllegalStateException("no reminder time within three days of " + after + " in " + zone);
    }

    private static ZonedDateTime outOfQuietHours(ZonedDateTime time, Optional<QuietHours> quiet) {
        if (quiet.isEmpty() || !quiet.get().contains(time.toLocalTime())) return time;
        LocalTime end = quiet.get().end();
        LocalDate day = time.toLocalTime().isBefore(end) ? time.toLocalDate() : time.toLocalDate().plusDays(1);
        return ZonedDateTime.of(day, end, time.getZone());
    }

    /** The day of the reader's calendar a reminder sent at {@code due} is for. */
    static LocalDate dayOf(Instant due, ZoneId zone) {
        return due.atZone(zone).toLocalDate();
    }
}
