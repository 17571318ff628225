package org.gospelib.study.remote;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.gospelib.study.PlanDays;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/** The study service's routes for the other services (never routed by the gateway), as a typed client. */
@HttpExchange("/internal/study")
public interface StudyApi {

    @PostExchange("/plan-days")
    PlanDaysAnswer planDays(@RequestBody PlanDaysQuery query);

    record PlanDaysQuery(UUID userId, LocalDate date) {
    }

    record PlanDaysAnswer(List<PlanDays.PlanDay> plans) {
    }
}
