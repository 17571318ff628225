package org.gospelib.study.internal;

/**
 * What {@code /v1/me/sync} reports: an item or a reading plan enrolment, as it is now (or its
 * tombstone), with the change number of its latest change. Items and enrolments take their
 * numbers from the same per-user counter, so one cursor orders both.
 */
sealed interface SyncEntry permits StudyItem, PlanService.Enrolment {

    long change();
}
