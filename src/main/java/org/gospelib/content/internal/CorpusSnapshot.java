package org.gospelib.content.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The whole corpus at one version, immutable; replaced as a whole when the corpus changes. */
final class CorpusSnapshot {

    static final CorpusSnapshot EMPTY = new CorpusSnapshot(0, List.of());

    private final long version;
    private final List<TranslationSnapshot> translations;
    private final Map<String, TranslationSnapshot> byId = new LinkedHashMap<>();

    CorpusSnapshot(long version, List<TranslationSnapshot> translations) {
        this.version = version;
        this.translations = List.copyOf(translations);
        translations.forEach(t -> byId.put(t.id().toUpperCase(Locale.ROOT), t));
    }

    long version() {
        return version;
    }

    List<TranslationSnapshot> translations() {
        return translations;
    }

    /** A translation by id, ignoring case. */
    Optional<TranslationSnapshot> translation(String id) {
        return Optional.ofNullable(byId.get(id.toUpperCase(Locale.ROOT)));
    }

    boolean isLoaded() {
        return !translations.isEmpty();
    }
}
