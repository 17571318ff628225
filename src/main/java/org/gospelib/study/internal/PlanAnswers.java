package org.gospelib.study.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What the reading plan routes answer, as typed records. */
final class PlanAnswers {

    private PlanAnswers() {
    }

    record PlanSummary(String id, String name, String description, int days) {
        static PlanSummary of(ReadingPlans.Plan p) {
            return new PlanSummary(p.id(), p.name(), p.description(), p.days().size());
        }
    }

    record Plans(List<PlanSummary> plans) {
    }

    record BuiltInPlan(String id, String name, String description, List<PlanDay> days) {
        static BuiltInPlan of(ReadingPlans.Plan p) {
            return new BuiltInPlan(p.id(), p.name(), p.description(), PlanAnswers.days(p.days(), Set.of()));
        }
    }

    record PlanDay(int day, List<String> readings, boolean read) {
    }

    record Progress(int today, int completed, int behind, int streak, int nextDay, boolean finished) {
        static Progress of(PlanProgress p) {
            return new Progress(p.today(), p.completed(), p.behind(), p.streak(), p.nextUnread(), p.finished());
        }
    }

    /** An enrolment; its days only where asked for (one plan, or just enrolled). */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record Enrolment(String id, String plan, String name, String startDate, String timeZone, int totalDays, Progress progress,
            Optional<List<PlanDay>> days) {

        static Enrolment of(PlanService.Enrolment e, Clock clock, boolean withDays) {
            return new Enrolment(e.id().toString(), e.planKey(), e.name(), e.start().toString(), e.zone().getId(),
                    e.readings().size(), Progress.of(e.progress(clock)),
                    withDays ? Optional.of(PlanAnswers.days(e.readings(), e.read())) : Optional.empty());
        }
    }

    record Enrolments(List<Enrolment> plans) {
    }

    static List<PlanDay> days(List<List<String>> readings, Set<Integer> read) {
        List<PlanDay> days = new ArrayList<>(readings.size());
        for (int d = 1; d <= readings.size(); d++) days.add(new PlanDay(d, readings.get(d - 1), read.contains(d)));
        return days;
    }
}
