package org.gospelib.ingest.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.gospelib.identity.Caller;
import org.gospelib.ingest.IngestMode;
import org.gospelib.jobs.JobPriority;
import org.gospelib.jobs.JobRequest;
import org.gospelib.jobs.Jobs;
import org.gospelib.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operators start an ingest; a process that executes jobs runs it. */
@RestController
@Tag(name = "Operations")
class IngestAdminController {

    record IngestQueued(String kind, String key, String mode) {
    }

    private final Jobs jobs;

    IngestAdminController(Jobs jobs) {
        this.jobs = jobs;
    }

    @PostMapping("/v1/admin/ingest")
    @Operation(summary = "Queue a corpus ingest, incremental (default) or full (admins only)")
    ResponseEntity<IngestQueued> ingest(@RequestParam(defaultValue = "incremental") String mode, HttpServletRequest request) {
        if (!Caller.of(request).map(Caller::isAdmin).orElse(false)) {
            throw new ProblemException("not-found", "Not found", 404, "not found");
        }
        IngestMode parsed = switch (mode.toLowerCase(Locale.ROOT)) {
            case "incremental" -> IngestMode.INCREMENTAL;
            case "full" -> IngestMode.FULL;
            default -> throw new ProblemException("invalid-parameter", "Invalid parameter", 400,
                    "mode must be incremental or full");
        };
        boolean queued = jobs.enqueue(JobRequest.of(IngestJob.KIND, IngestJob.KEY, new IngestJob.Request(parsed))
                .withPriority(JobPriority.HIGH));
        if (!queued) {
            throw new ProblemException("job-already-queued", "Job already queued", 409, "an ingest is already waiting or running");
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new IngestQueued(IngestJob.KIND.name(), IngestJob.KEY,
                parsed.name().toLowerCase(Locale.ROOT)));
    }
}
