package org.gospelib.ingest.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gospelib.ingest.CorpusIngest;
import org.gospelib.ingest.IngestMode;
import org.gospelib.ingest.IngestReport.ModuleOutcome;
import org.gospelib.ingest.IngestReport;
import org.gospelib.ingest.internal.sword.SwordLibrary;
import org.gospelib.ingest.internal.sword.SwordModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ingest job: for each Bible module in the SWORD library, skip it when its checksum and our
 * parser version match what is stored (incremental), otherwise read, parse, align and replace it
 * atomically. Every run is recorded, failed ones included.
 */
@Service
class SwordIngestJob implements CorpusIngest {

    private static final Logger log = LoggerFactory.getLogger(SwordIngestJob.class);

    private final TranslationStore store;
    private final ReferenceWorkStore referenceWorks;
    private final BibleModuleReader reader;
    private final Path swordPath;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Counter succeeded;
    private final Counter failed;
    private final Timer duration;

    private static Counter runs(MeterRegistry meters, String outcome) {
        return Counter.builder("gospelib.ingest.runs").tag("outcome", outcome).description("ingest runs by outcome")
                .register(meters);
    }

    SwordIngestJob(TranslationStore store, ReferenceWorkStore referenceWorks, BibleModuleReader reader,
            @Value("${gospelib.ingest.sword-path:/usr/share/sword}") Path swordPath, MeterRegistry meters) {
        this.succeeded = runs(meters, "success");
        this.failed = runs(meters, "failure");
        this.duration = Timer.builder("gospelib.ingest.duration").description("time an ingest run took (successful runs)")
                .register(meters);
        this.store = store;
        this.referenceWorks = referenceWorks;
        this.reader = reader;
        this.swordPath = swordPath;
    }

    private ModuleOutcome ingestReferenceWork(SwordModule module, ReferenceWorkReader.Kind kind, IngestMode mode,
            ProgressListener progress) {
        String checksum = BibleModuleReader.checksum(module);
        Optional<TranslationStore.StoredVersion> stored = referenceWorks.storedVersion(module.name());
        if (mode == IngestMode.INCREMENTAL && stored.isPresent() && stored.get().checksum().equals(checksum)
                && stored.get().parserVersion() == ReferenceWorkReader.PARSER_VERSION) {
            progress.message(module.name() + ": unchanged");
            return new ModuleOutcome(module.name(), "", ModuleOutcome.Action.UNCHANGED, 0, checksum, version(module));
        }
        int entries;
        if (kind == ReferenceWorkReader.Kind.TOPICAL) {
            var topics = ReferenceWorkReader.topics(module);
            int pairs = referenceWorks.replaceTopics(module.name(), checksum, ReferenceWorkReader.PARSER_VERSION, topics);
            entries = topics.size();
            progress.message(module.name() + ": stored " + entries + " topics, " + pairs + " topic-verse pairs");
        } else if (kind == ReferenceWorkReader.Kind.COMMENTARY) {
            var commentary = ReferenceWorkReader.commentary(module);
            int citations = referenceWorks.replaceCommentary(module.name(), checksum, ReferenceWorkReader.PARSER_VERSION,
                    commentary);
            entries = commentary.size();
            progress.message(module.name() + ": stored " + entries + " commentary entries, " + citations + " citations");
        } else {
            var lexicon = ReferenceWorkReader.strongs(module);
            referenceWorks.replaceLexicon(module.name(), checksum, ReferenceWorkReader.PARSER_VERSION, lexicon);
            entries = lexicon.size();
            progress.message(module.name() + ": stored " + entries + " lexicon entries");
        }
        return new ModuleOutcome(module.name(), "", ModuleOutcome.Action.REPLACED, entries, checksum, version(module));
    }

    private static String version(SwordModule module) {
        return module.conf().version().orElse("");
    }

    private SwordLibrary library() {
        try {
            return SwordLibrary.at(swordPath);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the SWORD library at " + swordPath, e);
        }
    }

    @Override
    public synchronized IngestReport run(IngestMode mode, boolean showProgress) {
        Instant start = Instant.now();
        long runId = store.startRun(mode.name().toLowerCase(java.util.Locale.ROOT));
        ProgressListener progress = showProgress ? TerminalProgress.create() : ProgressListener.NONE;
        List<ModuleOutcome> outcomes = new ArrayList<>();
        try {
            SwordLibrary library = library();
            List<SwordModule> bibles = library.modules().stream().filter(BibleModuleReader::isBible).toList();
            if (bibles.isEmpty()) throw new IllegalStateException("no Bible modules in the SWORD library at " + swordPath
                    + " (install sword-text-kjv, sword-text-web, sword-text-sparv)");
            TranslationImage reference = null;
            // KJV first: other translations are aligned against it.
            List<SwordModule> ordered = new ArrayList<>(bibles);
            ordered.sort((a, b) -> Boolean.compare(!BibleModuleReader.isKjv(a), !BibleModuleReader.isKjv(b)));
            for (SwordModule module : ordered) {
                String checksum = BibleModuleReader.checksum(module);
                Optional<TranslationStore.StoredVersion> stored = store.storedVersion(module.name());
                boolean unchanged = stored.isPresent() && stored.get().checksum().equals(checksum)
                        && stored.get().parserVersion() == BibleModuleReader.PARSER_VERSION;
                if (mode == IngestMode.INCREMENTAL && unchanged) {
                    outcomes.add(new ModuleOutcome(module.name(), BibleModuleReader.translationId(module),
                            ModuleOutcome.Action.UNCHANGED, 0, checksum, version(module)));
                    progress.message(module.name() + ": unchanged");
                    continue;
                }
                if (reference == null && !BibleModuleReader.isKjv(module)) {
                    reference = ordered.stream().filter(BibleModuleReader::isKjv).findFirst()
                            .map(kjv -> reader.read(kjv, Optional.empty(), progress)).orElse(null);
                }
                TranslationImage image = reader.read(module, Optional.ofNullable(reference), progress);
                if (BibleModuleReader.isKjv(module)) reference = image;
                store.replace(image, progress);
                int verses = (int) image.verses().stream().filter(v -> !v.content().isEmpty()).count();
                outcomes.add(new ModuleOutcome(module.name(), image.meta().id(), ModuleOutcome.Action.REPLACED, verses,
                        checksum, version(module)));
                progress.message(module.name() + ": stored " + verses + " verses as " + image.meta().id());
            }
            for (SwordModule module : library.modules()) {
                ReferenceWorkReader.usable(module).ifPresent(kind -> outcomes.add(ingestReferenceWork(module, kind, mode, progress)));
            }
            IngestReport report = new IngestReport(runId, outcomes, Duration.between(start, Instant.now()), "");
            store.finishRun(runId, report.changedAnything() ? "changed" : "unchanged", json.writeValueAsString(outcomes), "");
            log.info("ingest run {} ({}): {} in {} ms", runId, mode, report.changedAnything() ? "changed" : "nothing changed",
                    report.elapsed().toMillis());
            succeeded.increment();
            duration.record(report.elapsed());
            return report;
        } catch (RuntimeException e) {
            log.error("ingest run {} failed", runId, e);
            failed.increment();
            store.finishRun(runId, "failed", json.writeValueAsString(outcomes), String.valueOf(e.getMessage()));
            return new IngestReport(runId, outcomes, Duration.between(start, Instant.now()),
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } finally {
            progress.message("");
        }
    }
}
