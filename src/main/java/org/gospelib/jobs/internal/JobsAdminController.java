package org.gospelib.jobs.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gospelib.audit.AuditLog;
import org.gospelib.audit.AuditedChange;
import org.gospelib.identity.Caller;
import org.gospelib.platform.ConditionalOnService;
import org.gospelib.platform.Service;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.transaction.support.TransactionTemplate;

/** What operators see of background work, and what they can do about it (admins only). */
@RestController
@Tag(name = "Operations")
@ConditionalOnService(Service.WORKER) // the gateway routes the queue's admin routes to the workers
class JobsAdminController {

    private static final int LIST_LIMIT = 200;

    record KindView(String kind, long scheduled, long due, long running, long retrying, long dead, long oldestDueSeconds) {
    }

    record Queues(List<KindView> kinds) {
    }

    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record QueuedJob(String kind, String key, Instant runAt, String state, int failures, int priority,
            Optional<Instant> lastFailure, Optional<ProgressView> progress) {
    }

    record ProgressView(long done, long total, String note, Instant updatedAt) {
    }

    record QueuedJobs(String kind, List<QueuedJob> jobs) {
    }

    record DeadJob(long id, String kind, String key, int attempts, String error, Instant diedAt) {
    }

    record DeadJobsView(List<DeadJob> jobs) {
    }

    record Accepted(String kind, String key) {
    }

    record OutboxView(long incomplete, long failed, long abandoned, int maxAttempts, List<OutboxRetries.Publication> publications) {
    }

    record Resubmitted(UUID id) {
    }

    private final JobQueue queue;
    private final QueueStats stats;
    private final DeadJobs dead;
    private final JobProgress progress;
    private final OutboxRetries outbox;
    private final AuditLog audit;
    private final TransactionTemplate transactions;

    JobsAdminController(JobQueue queue, QueueStats stats, DeadJobs dead, JobProgress progress, OutboxRetries outbox, AuditLog audit,
            TransactionTemplate transactions) {
        this.audit = audit;
        this.transactions = transactions;
        this.queue = queue;
        this.stats = stats;
        this.dead = dead;
        this.progress = progress;
        this.outbox = outbox;
    }

    @GetMapping("/v1/admin/jobs")
    @Operation(summary = "Queues: jobs scheduled, due, running, retrying and dead per kind (admins only)")
    ResponseEntity<Queues> queues(HttpServletRequest request) {
        admin(request);
        return fresh(new Queues(stats.byKind(queue.kinds()).stream().map(s -> new KindView(s.kind(), s.scheduled(), s.due(),
                s.running(), s.retrying(), s.dead(), s.oldestDueSeconds())).toList()));
    }

    @GetMapping("/v1/admin/jobs/dead")
    @Operation(summary = "Dead jobs, newest first (admins only)")
    ResponseEntity<DeadJobsView> deadJobs(@RequestParam Optional<String> kind, HttpServletRequest request) {
        admin(request);
        return fresh(new DeadJobsView(dead.list(kind, LIST_LIMIT).stream()
                .map(JobsAdminController::view).toList()));
    }

    @PostMapping("/v1/admin/jobs/dead/{id}/retry")
    @Operation(summary = "Put a dead job back in its queue as a first attempt (admins only)")
    ResponseEntity<Accepted> retry(@PathVariable long id, HttpServletRequest request) {
        Caller operator = admin(request);
        DeadJobs.Dead job = transactions.execute(tx -> {
            DeadJobs.Dead found = dead.find(id).orElseThrow(() -> JobsProblems.notFound("no dead job " + id));
            if (!queue.knows(found.kind())) throw JobsProblems.invalidParameter("no handler for job kind " + found.kind());
            if (!queue.revive(found)) throw JobsProblems.alreadyQueued(found.kind(), found.key());
            dead.remove(id);
            audit.record(AuditedChange.removal(operator.subject(), "job.retry", "dead-job:" + id, view(found)));
            return found;
        });
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Accepted(job.kind(), job.key()));
    }

    @DeleteMapping("/v1/admin/jobs/dead/{id}")
    @Operation(summary = "Discard a dead job (admins only)")
    ResponseEntity<Void> discard(@PathVariable long id, HttpServletRequest request) {
        Caller operator = admin(request);
        transactions.executeWithoutResult(tx -> {
            DeadJobs.Dead found = dead.find(id).orElseThrow(() -> JobsProblems.notFound("no dead job " + id));
            if (!dead.remove(id)) throw JobsProblems.notFound("no dead job " + id);
            audit.record(AuditedChange.removal(operator.subject(), "job.discard", "dead-job:" + id, view(found)));
        });
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/v1/admin/jobs/{kind}")
    @Operation(summary = "The jobs of one kind in the queue, running first (admins only)")
    ResponseEntity<QueuedJobs> jobs(@PathVariable String kind, @RequestParam(defaultValue = "false") boolean failing,
            HttpServletRequest request) {
        admin(request);
        if (!queue.knows(kind)) throw JobsProblems.notFound("no job kind " + kind);
        return fresh(new QueuedJobs(kind, stats.jobs(kind, failing, LIST_LIMIT).stream().map(this::view).toList()));
    }

    private QueuedJob view(QueueStats.Queued q) {
        String kind = q.kind().endsWith(JobQueue.DAILY) ? q.kind().substring(0, q.kind().length() - JobQueue.DAILY.length()) : q.kind();
        String state = q.running() ? "running" : q.failures() > 0 ? "retrying" : q.runAt().isAfter(Instant.now()) ? "scheduled" : "due";
        Optional<ProgressView> p = q.running() ? progress.of(kind, q.key())
                .map(x -> new ProgressView(x.done(), x.total(), x.note(), x.updatedAt())) : Optional.empty();
        return new QueuedJob(q.kind(), q.key(), q.runAt(), state, q.failures(), q.priority(), q.lastFailure(), p);
    }

    @GetMapping("/v1/admin/outbox")
    @Operation(summary = "Event publications not yet completed: failed ones are retried, abandoned ones wait for an operator (admins only)")
    ResponseEntity<OutboxView> outbox(HttpServletRequest request) {
        admin(request);
        OutboxRetries.Counts counts = outbox.counts();
        return fresh(new OutboxView(counts.incomplete(), counts.failed(), counts.abandoned(), outbox.maxAttempts(),
                outbox.incomplete(LIST_LIMIT)));
    }

    @PostMapping("/v1/admin/outbox/{id}/resubmit")
    @Operation(summary = "Resubmit a failed or abandoned event publication (admins only)")
    ResponseEntity<Resubmitted> resubmit(@PathVariable UUID id, HttpServletRequest request) {
        Caller operator = admin(request);
        transactions.executeWithoutResult(tx -> {
            if (!outbox.resubmit(id)) throw JobsProblems.notFound("no failed publication " + id);
            audit.record(AuditedChange.action(operator.subject(), "outbox.resubmit", "publication:" + id, new Resubmitted(id)));
        });
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Resubmitted(id));
    }

    private static <T> ResponseEntity<T> fresh(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

    /** Whether this process takes jobs. */
    record ExecutorView(boolean paused) {
    }

    @PostMapping("/v1/admin/jobs/executor/pause")
    @Operation(summary = "This process stops taking jobs; those running finish (admins only)", description = "Reaches one "
            + "worker replica: drain it before taking it down. Resumed by /resume, or by a restart.")
    ResponseEntity<ExecutorView> pause(HttpServletRequest request) {
        return executor(request, true);
    }

    @PostMapping("/v1/admin/jobs/executor/resume")
    @Operation(summary = "This process takes jobs again (admins only)")
    ResponseEntity<ExecutorView> resume(HttpServletRequest request) {
        return executor(request, false);
    }

    private ResponseEntity<ExecutorView> executor(HttpServletRequest request, boolean paused) {
        Caller operator = admin(request);
        ExecutorView before = new ExecutorView(queue.paused());
        if (!queue.pause(paused)) throw JobsProblems.notFound("this process executes no jobs");
        ExecutorView after = new ExecutorView(queue.paused());
        transactions.executeWithoutResult(tx -> audit.record(AuditedChange.of(operator.subject(),
                paused ? "jobs.pause" : "jobs.resume", "executor:" + ProcessHandle.current().pid(), before, after)));
        return fresh(after);
    }

    /** The gateway lets only admins through to these routes; this holds even if a route is ever misconfigured. */
    private static Caller admin(HttpServletRequest request) {
        return Caller.operator(request);
    }

    private static DeadJob view(DeadJobs.Dead d) {
        return new DeadJob(d.id(), d.kind(), d.key(), d.attempts(), d.error(), d.diedAt());
    }
}
