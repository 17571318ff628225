package org.gospelib.notifications.internal;

import java.util.Arrays;
import java.util.Optional;

/** What a reader may ask to be reminded of, each day at their time. */
enum ReminderKind {
    /** Today's readings of each plan not read yet. */
    PLAN_REMINDER("plan-reminder"),
    /** A plan two or more days behind: a nudge to catch up. */
    CATCH_UP("catch-up"),
    /** The verse of the day, in the reader's translation. */
    VERSE_OF_THE_DAY("verse-of-the-day");

    final String key;

    ReminderKind(String key) {
        this.key = key;
    }

    static Optional<ReminderKind> of(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
