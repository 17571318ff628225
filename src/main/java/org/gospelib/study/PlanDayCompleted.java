package org.gospelib.study;

import java.time.Instant;
import java.util.UUID;

/** A user marked a day of a reading plan as read. */
public record PlanDayCompleted(UUID userId, UUID enrolmentId, int day, Instant at) {
}
