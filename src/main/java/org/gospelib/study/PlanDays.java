package org.gospelib.study;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A reader's reading plans as they stand on a day of their calendar: what a reminder tells them. */
public interface PlanDays {

    /** Every plan the reader follows, as it stands on {@code date}. */
    List<PlanDay> on(UUID userId, LocalDate date);

    /**
     * @param enrolmentId the reader's enrolment
     * @param name        the plan's name
     * @param day         the plan's day that falls on the date (0 before the plan starts)
     * @param days        how many days the plan has
     * @param readings    that day's readings, OSIS references (empty before the start and after the end)
     * @param read        whether that day is read
     * @param behind      days before it not read yet
     * @param finished    every day read
     */
    record PlanDay(UUID enrolmentId, String name, int day, int days, List<String> readings, boolean read, int behind,
            boolean finished) {
        public PlanDay {
            readings = List.copyOf(readings);
        }
    }
}
