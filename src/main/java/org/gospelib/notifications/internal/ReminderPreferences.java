package org.gospelib.notifications.internal;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A reader's reminder settings: their time zone, the local time reminders come, quiet hours,
 * which kinds they want by email and which in their browsers (Web Push), the verse of the day's translation (empty: by their language),
 * and the token of their one-click unsubscribe links.
 */
record ReminderPreferences(UUID userId, ZoneId zone, LocalTime remindAt, Optional<ReminderSchedule.QuietHours> quiet,
        Set<ReminderKind> email, Set<ReminderKind> push, String translation, String unsubscribeToken) {

    ReminderPreferences {
        email = email.isEmpty() ? Set.of() : java.util.EnumSet.copyOf(email);
        push = push.isEmpty() ? Set.of() : java.util.EnumSet.copyOf(push);
    }

    /** The same settings with other kinds by email. */
    ReminderPreferences withEmail(Set<ReminderKind> kinds) {
        return new ReminderPreferences(userId, zone, remindAt, quiet, kinds, push, translation, unsubscribeToken);
    }

    /** What a reader has before they choose anything: nothing is sent. */
    static ReminderPreferences defaults(UUID userId, String unsubscribeToken) {
        return new ReminderPreferences(userId, ZoneId.of("UTC"), LocalTime.of(8, 0), Optional.empty(), Set.of(), Set.of(), "",
                unsubscribeToken);
    }

    /** When the next reminder is due after {@code now}; empty if nothing is wanted. */
    Optional<Instant> nextAfter(Instant now) {
        return email.isEmpty() && push.isEmpty() ? Optional.empty() : Optional.of(ReminderSchedule.next(zone, remindAt, quiet, now));
    }
}
