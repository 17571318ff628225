package org.gospelib.files.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gospelib.content.ScriptureText;
import org.gospelib.files.FileStore;
import org.gospelib.identity.Accounts;
import org.gospelib.jobs.JobRequest;
import org.gospelib.jobs.Jobs;
import org.gospelib.study.ExportFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A reader's exports: asked for here, built by a worker, downloaded through a signed link minted
 * each time the export is read (never stored). Another reader's export answers as a missing one.
 */
@RestController
@Tag(name = "Study data")
class ExportController {

    /** Exports one reader may have waiting at once. */
    static final int MAX_QUEUED = 3;

    record ExportRequest(String format, String translation) {
    }

    record DownloadLink(URI url, String expiresAt) {
    }

    record ExportAnswer(String id, String format, String translation, String status, String requestedAt,
            Optional<String> finishedAt, Optional<Long> bytes, Optional<Integer> items, Optional<DownloadLink> download) {
    }

    record ExportList(List<ExportAnswer> exports) {
    }

    private final ExportStore exports;
    private final Jobs jobs;
    private final FileStore files;
    private final Accounts accounts;
    private final ScriptureText scripture;
    private final FilesProperties properties;
    private final Clock clock;
    private final TransactionTemplate transactions;

    ExportController(ExportStore exports, Jobs jobs, FileStore files, Accounts accounts, ScriptureText scripture,
            FilesProperties properties, Clock clock, TransactionTemplate transactions) {
        this.transactions = transactions;
        this.exports = exports;
        this.jobs = jobs;
        this.files = files;
        this.accounts = accounts;
        this.scripture = scripture;
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping("/v1/me/exports")
    @Operation(summary = "Ask for an export", description = "format json, markdown or pdf (notes with their verses, "
            + "for printing); translation the PDF quotes (KJV by default). Built in the background: GET the export "
            + "(its Location) until its status is ready, then follow its download link.")
    ResponseEntity<ExportAnswer> request(@RequestBody ExportRequest body, HttpServletRequest request) {
        UUID user = accounts.signedIn(request);
        ExportFormat format = ExportFormat.named(body.format()).orElseThrow(() ->
                FilesProblems.invalidParameter("format", "format must be json, markdown or pdf"));
        String asked = body.translation() == null || body.translation().isBlank() ? "KJV" : body.translation().strip();
        if (scripture.translations().isEmpty()) throw FilesProblems.corpusNotReady();
        String translation = scripture.translations().stream().map(t -> t.id()).filter(asked::equalsIgnoreCase).findFirst()
                .orElseThrow(() -> FilesProblems.unknownTranslation(asked));
        if (exports.queued(user) >= MAX_QUEUED) throw FilesProblems.tooManyExports(MAX_QUEUED);
        UUID id = UUID.randomUUID();
        ExportStore.Export export = transactions.execute(tx -> {
            exports.insert(id, user, format, translation, clock.instant());
            // queued in the same transaction as the row: both or neither
            jobs.enqueue(JobRequest.of(ExportJob.KIND, "export/" + id, new ExportJob.Request(id)));
            return exports.find(id).orElseThrow();
        });
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/v1/me/exports/" + id))
                .cacheControl(CacheControl.noStore()).body(answer(export));
    }

    @GetMapping("/v1/me/exports")
    @Operation(summary = "The reader's exports, newest first")
    ResponseEntity<ExportList> list(HttpServletRequest request) {
        UUID user = accounts.signedIn(request);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new ExportList(exports.of(user, 50).stream().map(this::answer).toList()));
    }

    @GetMapping("/v1/me/exports/{id}")
    @Operation(summary = "One export", description = "Once ready, with a download link that works for a few minutes.")
    ResponseEntity<ExportAnswer> one(@PathVariable String id, HttpServletRequest request) {
        UUID user = accounts.signedIn(request);
        ExportStore.Export export = owned(id, user);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(answer(export));
    }

    @DeleteMapping("/v1/me/exports/{id}")
    @Operation(summary = "Delete an export and its file")
    ResponseEntity<Void> delete(@PathVariable String id, HttpServletRequest request) {
        UUID user = accounts.signedIn(request);
        ExportStore.Export export = owned(id, user);
        exports.delete(export.id(), user);
        files.delete(ExportJob.key(export));
        return ResponseEntity.noContent().build();
    }

    private ExportStore.Export owned(String id, UUID user) {
        UUID exportId;
        try {
            exportId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw FilesProblems.notFound("no export " + (id.length() > 40 ? id.substring(0, 40) + "…" : id));
        }
        return exports.find(exportId).filter(e -> e.userId().equals(user))
                .orElseThrow(() -> FilesProblems.notFound("no export " + exportId));
    }

    private ExportAnswer answer(ExportStore.Export e) {
        Optional<DownloadLink> link = e.fileKey().map(key -> {
            FileStore.SignedLink signed = files.sign(key, properties.linkLifetime(), "gospelib-study-"
                    + e.requestedAt().toString().substring(0, 10) + "." + e.format().extension());
            return new DownloadLink(signed.url(), signed.expiresAt().toString());
        });
        return new ExportAnswer(e.id().toString(), e.format().name().toLowerCase(java.util.Locale.ROOT), e.translation(),
                e.status().name().toLowerCase(java.util.Locale.ROOT), e.requestedAt().toString(),
                e.finishedAt().map(Object::toString), e.bytes(), e.items(), link);
    }
}
