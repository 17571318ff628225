package org.gospelib.content;

import java.util.List;

/**
 * This process now serves a new corpus snapshot. A local signal for other read models in the
 * same process (the search index) to catch up; each process has its own snapshot, so this is
 * not an event to persist or forward.
 *
 * @param corpusVersion the version now served
 * @param translations  ids of the translations served
 */
public record CorpusSnapshotSwapped(long corpusVersion, List<String> translations) {

    public CorpusSnapshotSwapped {
        translations = List.copyOf(translations);
    }
}
