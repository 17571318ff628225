package org.gospelib.ingest;

import java.util.List;
import org.gospelib.platform.DomainEvent;

/**
 * The corpus in the database changed: some translations were added, replaced or removed.
 * Published in the transaction that made the change.
 *
 * @param corpusVersion the new corpus version (monotonic)
 * @param translations  ids of the translations that changed; empty when only reference works
 *                      (topics, lexicons, commentaries) changed
 */
public record CorpusChanged(long corpusVersion, List<String> translations) implements DomainEvent {

    public CorpusChanged {
        translations = List.copyOf(translations);
    }

    @Override
    public String eventId() {
        return "corpus_v" + corpusVersion;
    }
}
