package org.gospelib.ingest;

/** How much an ingest run redoes. */
public enum IngestMode {
    /** Re-read and replace every module, changed or not. */
    FULL,
    /** Replace only modules whose files or whose parser changed since the last run. */
    INCREMENTAL
}
