package org.gospelib.ingest;

/** Runs an ingest of the corpus into the database. */
public interface CorpusIngest {

    /**
     * Ingests every Bible module found in the SWORD library.
     *
     * @param mode        full or incremental
     * @param showProgress draw a progress line on the terminal, when there is one
     * @return what the run did; a failed run leaves the stored corpus as it was
     */
    IngestReport run(IngestMode mode, boolean showProgress);
}
