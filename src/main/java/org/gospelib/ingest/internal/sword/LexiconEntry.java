package org.gospelib.ingest.internal.sword;

import java.util.Objects;

/**
 * One entry of a SWORD lexicon or dictionary module.
 *
 * @param key    the entry's key as the module stores it ({@code AARON}, {@code 00430})
 * @param markup the entry's raw markup, as SWORD's raw-entry accessor returns it
 */
public record LexiconEntry(String key, String markup) {

    public LexiconEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(markup, "markup");
    }
}
