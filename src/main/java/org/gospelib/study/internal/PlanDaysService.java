package org.gospelib.study.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.gospelib.study.PlanDays;
import org.springframework.stereotype.Component;

/** {@link PlanDays} from the reader's enrolments. */
@Component
class PlanDaysService implements PlanDays {

    private final PlanService plans;

    PlanDaysService(PlanService plans) {
        this.plans = plans;
    }

    @Override
    public List<PlanDay> on(UUID userId, LocalDate date) {
        return plans.list(userId).stream().map(e -> {
            PlanProgress progress = PlanProgress.of(e.start(), date, e.readings().size(), e.read());
            int day = progress.today();
            List<String> readings = day >= 1 && day <= e.readings().size() && !date.isBefore(e.start())
                    ? e.readings().get(day - 1) : List.of();
            return new PlanDay(e.id(), e.name(), day, e.readings().size(), readings, e.read().contains(day), progress.behind(),
                    progress.finished());
        }).toList();
    }
}
