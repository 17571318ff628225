package org.gospelib.study.remote;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.gospelib.study.PlanDays;

/** Plan days answered by the study service in another process. */
final class RemoteStudy implements PlanDays {

    private final StudyApi api;

    RemoteStudy(StudyApi api) {
        this.api = api;
    }

    @Override
    public List<PlanDay> on(UUID userId, LocalDate date) {
        return api.planDays(new StudyApi.PlanDaysQuery(userId, date)).plans();
    }
}
