package org.gospelib.ingest;

import java.time.Duration;
import java.util.List;

/**
 * What one ingest run did.
 *
 * @param runId    id of the run in the {@code ingest_run} table
 * @param modules  what happened to each module
 * @param elapsed  wall time of the run
 * @param failure  why the run failed, empty when it succeeded
 */
public record IngestReport(long runId, List<ModuleOutcome> modules, Duration elapsed, String failure) {

    public IngestReport {
        modules = List.copyOf(modules);
    }

    public boolean failed() {
        return !failure.isEmpty();
    }

    public boolean changedAnything() {
        return modules.stream().anyMatch(m -> m.action() == ModuleOutcome.Action.REPLACED);
    }

    /**
     * @param module      SWORD module name
     * @param translation translation id, empty for a reference work (topics, lexicon)
     * @param action      what was done
     * @param entries     what was stored: verses with text for a Bible, topics or lexicon entries otherwise
     * @param checksum    SHA-256 of the module's files
     */
    /**
     * @param version the module's own version ({@code Version} in its SWORD configuration); empty when it names none
     */
    public record ModuleOutcome(String module, String translation, Action action, int entries, String checksum, String version) {
        /** What ingest did with a module. */
        public enum Action { REPLACED, UNCHANGED }
    }
}
