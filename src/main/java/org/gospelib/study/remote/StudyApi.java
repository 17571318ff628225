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

    /** The header carrying how many items an export holds. */
    String ITEMS_HEADER = "Gospelib-Export-Items";

    @PostExchange("/exports")
    org.springframework.http.ResponseEntity<byte[]> export(@RequestBody ExportQuery query);

    record ExportQuery(UUID userId, org.gospelib.study.ExportFormat format, String translation) {
    }

    @PostExchange("/plan-days")
    PlanDaysAnswer planDays(@RequestBody PlanDaysQuery query);

    record PlanDaysQuery(UUID userId, LocalDate date) {
    }

    record PlanDaysAnswer(List<PlanDays.PlanDay> plans) {
    }
}
