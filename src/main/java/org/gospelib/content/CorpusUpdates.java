package org.gospelib.content;

/**
 * Told that the stored corpus changed elsewhere (another process's ingest, heard of on a topic),
 * so that this process loads the new corpus now rather than at its next poll.
 */
public interface CorpusUpdates {

    /** The corpus in the database is now at least {@code corpusVersion}; loading happens in the background. */
    void corpusChanged(long corpusVersion);
}
