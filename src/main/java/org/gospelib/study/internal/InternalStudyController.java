package org.gospelib.study.internal;

import io.swagger.v3.oas.annotations.Hidden;
import org.gospelib.platform.SplitTopology;
import org.gospelib.study.PlanDays;
import org.gospelib.study.StudyExports;
import org.springframework.http.ResponseEntity;
import org.gospelib.study.remote.StudyApi;
import org.springframework.context.annotation.Conditional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@link StudyApi} served, for the services of a split deployment. */
@RestController
@RequestMapping("/internal/study")
@Conditional(SplitTopology.class)
@Hidden
class InternalStudyController {

    private final PlanDays planDays;
    private final StudyExports exports;

    InternalStudyController(PlanDays planDays, StudyExports exports) {
        this.planDays = planDays;
        this.exports = exports;
    }

    /** A reader's export, built here (where the study data is) for the worker that stores it. */
    @PostMapping("/exports")
    ResponseEntity<byte[]> export(@RequestBody StudyApi.ExportQuery query) {
        if (query.userId() == null || query.format() == null) {
            throw StudyProblems.invalidQuery("userId and format are required");
        }
        StudyExports.ExportedDocument document = exports.document(query.userId(), query.format(),
                query.translation() == null ? "KJV" : query.translation());
        return ResponseEntity.ok().header(StudyApi.ITEMS_HEADER, Integer.toString(document.items()))
                .contentType(org.springframework.http.MediaType.APPLICATION_OCTET_STREAM).body(document.content());
    }

    @PostMapping("/plan-days")
    StudyApi.PlanDaysAnswer planDays(@RequestBody StudyApi.PlanDaysQuery query) {
        if (query.userId() == null || query.date() == null) {
            throw StudyProblems.invalidQuery("userId and date are required");
        }
        return new StudyApi.PlanDaysAnswer(planDays.on(query.userId(), query.date()));
    }
}
