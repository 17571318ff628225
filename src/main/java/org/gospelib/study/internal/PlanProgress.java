package org.gospelib.study.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * Where a reader stands in a plan on a given day of their own calendar: which day of the plan
 * today is, what is read, how far behind they are, and their streak (consecutive days read up to
 * today — or up to yesterday, while today's reading is still ahead of them).
 */
record PlanProgress(int today, int completed, int behind, int streak, int nextUnread, boolean finished) {

    static PlanProgress of(LocalDate start, LocalDate now, int days, Set<Integer> read) {
        int today = (int) Math.max(0, Math.min(days, ChronoUnit.DAYS.between(start, now) + 1));
        int completed = (int) read.stream().filter(d -> d >= 1 && d <= days).count();
        int behind = 0;
        for (int d = 1; d <= today; d++) if (!read.contains(d)) behind++;
        if (today > 0 && !read.contains(today)) behind--; // today's reading is not late yet
        int streak = 0;
        int from = today > 0 && read.contains(today) ? today : today - 1;
        for (int d = from; d >= 1 && read.contains(d); d--) streak++;
        int next = 0;
        for (int d = 1; d <= days; d++) {
            if (!read.contains(d)) {
                next = d;
                break;
            }
        }
        return new PlanProgress(today, completed, Math.max(0, behind), streak, next, completed == days);
    }

    /** The start date that makes the first unread day today's: catching up without reading twice. */
    static LocalDate catchUpStart(LocalDate now, int nextUnread) {
        return now.minusDays(Math.max(0, nextUnread - 1));
    }
}
