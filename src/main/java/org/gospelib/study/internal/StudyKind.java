package org.gospelib.study.internal;

import java.util.Locale;
import java.util.Optional;

/** What a study item is; its plural names the collection under {@code /v1/me/}. */
enum StudyKind {
    HIGHLIGHT("highlights"), NOTE("notes"), BOOKMARK("bookmarks");

    private final String collection;

    StudyKind(String collection) {
        this.collection = collection;
    }

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    String collection() {
        return collection;
    }

    static Optional<StudyKind> ofCollection(String collection) {
        for (StudyKind k : values()) if (k.collection.equals(collection)) return Optional.of(k);
        return Optional.empty();
    }

    static StudyKind ofId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
