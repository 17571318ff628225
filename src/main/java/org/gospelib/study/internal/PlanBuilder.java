package org.gospelib.study.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a run of chapters into days of about equal reading length — by the characters of
 * their text, not by how many chapters there are, so that a day of Psalm 119 is not followed by
 * a day of Psalm 117 and 118 alike. Chapters are never split. Plain Java, no framework.
 */
final class PlanBuilder {

    /** A chapter and how long it takes to read (characters of its text). */
    record Chapter(String book, int chapter, long length) {
    }

    private PlanBuilder() {
    }

    /**
     * Cuts the chapters into {@code days} consecutive groups: day {@code d} ends at the chapter
     * boundary nearest to {@code d/days} of the whole length, while leaving at least one chapter
     * for each day still to come.
     */
    static List<List<Chapter>> balance(List<Chapter> chapters, int days) {
        if (days < 1 || days > chapters.size()) throw new IllegalArgumentException("1 to " + chapters.size() + " days");
        long total = chapters.stream().mapToLong(Chapter::length).sum();
        List<List<Chapter>> plan = new ArrayList<>(days);
        int next = 0;
        long read = 0;
        for (int day = 1; day <= days; day++) {
            int remainingDays = days - day;
            int last = chapters.size() - remainingDays; // exclusive upper bound for this day's end
            double target = (double) total * day / days;
            List<Chapter> today = new ArrayList<>();
            today.add(chapters.get(next));
            read += chapters.get(next).length();
            next++;
            while (next < last && Math.abs(read + chapters.get(next).length() - target) <= Math.abs(read - target)) {
                read += chapters.get(next).length();
                today.add(chapters.get(next));
                next++;
            }
            if (day == days) {
                while (next < chapters.size()) today.add(chapters.get(next++));
            }
            plan.add(today);
        }
        return plan;
    }

    /** One day's reading as references: "Gen.1-Gen.3" style OSIS ranges of whole chapters, one per book. */
    static List<String> osis(List<Chapter> day) {
        List<String> ranges = new ArrayList<>();
        int i = 0;
        while (i < day.size()) {
            Chapter first = day.get(i);
            Chapter last = first;
            while (i + 1 < day.size() && day.get(i + 1).book().equals(first.book())) last = day.get(++i);
            i++;
            ranges.add(first.chapter() == last.chapter() ? first.book() + "." + first.chapter()
                    : first.book() + "." + first.chapter() + "-" + first.book() + "." + last.chapter());
        }
        return ranges;
    }
}
