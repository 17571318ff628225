/**
 * Ingest: reads the corpus (SWORD modules installed from Debian packages) into PostgreSQL, the
 * source of truth every other module builds its read models from. Runs as a job, not a server:
 * {@code gospelib ingest} in one process, or a Kubernetes Job in the split topology. Announces
 * each change of the corpus with {@link org.gospelib.ingest.CorpusChanged}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ingest")
package org.gospelib.ingest;
