package org.gospelib.files.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.gospelib.files.ExportReady;
import org.gospelib.files.FileStore;
import org.gospelib.jobs.JobContext;
import org.gospelib.jobs.JobHandler;
import org.gospelib.jobs.JobKind;
import org.gospelib.study.StudyExports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds one export and stores it: the study service makes the document (its data, the verses it
 * quotes), the worker keeps it in the file store and marks it ready. Idempotent: an export already
 * ready, or deleted meanwhile, is left alone; a run stopped after storing stores the same key again.
 */
@Component
class ExportJob implements JobHandler<ExportJob.Request> {

    private static final Logger log = LoggerFactory.getLogger(ExportJob.class);

    static final JobKind<Request> KIND = new JobKind<>("files.export", Request.class);

    record Request(UUID exportId) {
    }

    private final ExportStore exports;
    private final StudyExports study;
    private final FileStore files;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    ExportJob(ExportStore exports, StudyExports study, FileStore files, Clock clock, MeterRegistry meters,
            ApplicationEventPublisher events,
            TransactionTemplate transactions) {
        this.events = events;
        this.transactions = transactions;
        this.exports = exports;
        this.study = study;
        this.files = files;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public JobKind<Request> kind() {
        return KIND;
    }

    static String key(ExportStore.Export export) {
        return "exports/" + export.userId() + "/" + export.id() + "." + export.format().extension();
    }

    @Override
    public void handle(Request request, JobContext context) {
        var export = exports.find(request.exportId()).orElse(null);
        if (export == null || export.status() == ExportStore.Status.READY) return;
        long start = System.nanoTime();
        StudyExports.ExportedDocument document = study.document(export.userId(), export.format(), export.translation());
        String key = key(export);
        files.put(key, document.content(), document.format().contentType());
        long millis = (System.nanoTime() - start) / 1_000_000;
        // marked ready and announced in one transaction: the email about it goes through the outbox
        boolean marked = Boolean.TRUE.equals(transactions.execute(tx -> {
            if (!exports.ready(export.id(), key, document.content().length, document.items(), millis, clock.instant())) return false;
            events.publishEvent(new ExportReady(export.userId(), export.id(),
                    export.format().name().toLowerCase(Locale.ROOT), document.content().length, clock.instant()));
            return true;
        }));
        if (marked) {
            meters.timer("gospelib.files.export.build", "format", export.format().name().toLowerCase(Locale.ROOT))
                    .record(Duration.ofMillis(millis));
            log.info("export {} ({}, {} items, {} bytes) built in {} ms", export.id(), export.format(), document.items(),
                    document.content().length, millis);
        } else {
            // deleted while it was built: its file goes too
            files.delete(key);
        }
    }
}
