package org.gospelib.ingest.internal.sword;

import java.util.Objects;

/**
 * One slot of a verse-keyed module and the markup stored for it.
 *
 * @param key    where the entry sits
 * @param markup the raw entry as SWORD returns it (see {@link ZTextReader}), empty for an
 *               empty slot
 */
public record SwordEntry(EntryKey key, String markup) {

    public SwordEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(markup, "markup");
    }

    public boolean isEmpty() {
        return markup.isEmpty();
    }
}
