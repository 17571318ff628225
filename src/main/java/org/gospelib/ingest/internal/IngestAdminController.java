package org.gospelib.ingest.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.JsonNode;
import org.gospelib.audit.AuditLog;
import org.gospelib.audit.AuditedChange;
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
import org.springframework.transaction.support.TransactionTemplate;

/** Operators start an ingest; a process that executes jobs runs it. */
@RestController
@Tag(name = "Operations")
class IngestAdminController {

    record IngestQueued(String kind, String key, String mode) {
    }

    /** A run of the ingest and its report: per module, the checksum seen and what was done. */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record IngestRun(long id, String mode, Instant startedAt, Optional<Instant> finishedAt, String outcome, JsonNode modules,
            String message) {
    }

    record IngestRuns(List<IngestRun> runs) {
    }


    private final Jobs jobs;
    private final AuditLog audit;
    private final TransactionTemplate transactions;

    private final IngestRunLog ingestRuns;

    IngestAdminController(Jobs jobs, AuditLog audit, TransactionTemplate transactions, IngestRunLog ingestRuns) {
        this.ingestRuns = ingestRuns;
        this.jobs = jobs;
        this.audit = audit;
        this.transactions = transactions;
    }

    @GetMapping("/v1/admin/ingest")
    @Operation(summary = "The latest ingest runs with their reports, newest first (admins only)")
    ResponseEntity<IngestRuns> runs(HttpServletRequest request) {
        operator(request);
        List<IngestRun> runs = ingestRuns.latest(20);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new IngestRuns(runs));
    }

    @PostMapping("/v1/admin/ingest")
    @Operation(summary = "Queue a corpus ingest, incremental (default) or full (admins only)")
    ResponseEntity<IngestQueued> ingest(@RequestParam(defaultValue = "incremental") String mode, HttpServletRequest request) {
        Caller operator = operator(request);
        IngestMode parsed = switch (mode.toLowerCase(Locale.ROOT)) {
            case "incremental" -> IngestMode.INCREMENTAL;
            case "full" -> IngestMode.FULL;
            default -> throw new ProblemException("invalid-parameter", "Invalid parameter", 400,
                    "mode must be incremental or full");
        };
        IngestQueued queued = new IngestQueued(IngestJob.KIND.name(), IngestJob.KEY, parsed.name().toLowerCase(Locale.ROOT));
        transactions.executeWithoutResult(tx -> {
            if (!jobs.enqueue(JobRequest.of(IngestJob.KIND, IngestJob.KEY, new IngestJob.Request(parsed)).withPriority(JobPriority.HIGH))) {
                throw new ProblemException("job-already-queued", "Job already queued", 409, "an ingest is already waiting or running");
            }
            audit.record(AuditedChange.action(operator.subject(), "ingest.start", "corpus", queued));
        });
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(queued);
    }

    private static Caller operator(HttpServletRequest request) {
        return Caller.operator(request);
    }
}
