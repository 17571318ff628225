package org.gospelib.study;

import java.time.Instant;
import java.util.UUID;
import org.gospelib.platform.DomainEvent;

/** A user marked a day of a reading plan as read. */
public record PlanDayCompleted(UUID userId, UUID enrolmentId, int day, Instant at) implements DomainEvent {

    @Override
    public String eventId() {
        return "planday_" + enrolmentId + "_" + day;
    }
}
