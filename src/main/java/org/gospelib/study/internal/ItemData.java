package org.gospelib.study.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A study item's own fields, by kind. Stored as a JSON object in {@code study_item.data}
 * ({@link #stored()}, read back by {@link #read}); a removed item keeps none.
 */
sealed interface ItemData {

    /** A highlight's colour, and where in its first and last verse it starts and ends (both or neither). */
    record Highlight(String colour, Optional<Integer> startOffset, Optional<Integer> endOffset) implements ItemData {
        @Override
        public Map<String, Object> stored() {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("colour", colour);
            startOffset.ifPresent(o -> data.put("startOffset", o));
            endOffset.ifPresent(o -> data.put("endOffset", o));
            return data;
        }
    }

    /** A note's body (Markdown). */
    record Note(String body) implements ItemData {
        @Override
        public Map<String, Object> stored() {
            return Map.of("body", body);
        }
    }

    /** A bookmark's folder; blank for none. */
    record Bookmark(String folder) implements ItemData {
        @Override
        public Map<String, Object> stored() {
            return Map.of("folder", folder);
        }
    }

    /** What a tombstone keeps of a removed item's fields: nothing. */
    record Removed() implements ItemData {
        @Override
        public Map<String, Object> stored() {
            return Map.of();
        }
    }

    /** The JSON object stored for these fields. */
    Map<String, Object> stored();

    /** The fields of a stored item of this kind; {@link Removed} when none are kept. */
    static ItemData read(StudyKind kind, Map<String, Object> stored) {
        if (stored.isEmpty()) return new Removed();
        return switch (kind) {
            case HIGHLIGHT -> new Highlight(text(stored, "colour"), number(stored, "startOffset"), number(stored, "endOffset"));
            case NOTE -> new Note(text(stored, "body"));
            case BOOKMARK -> new Bookmark(text(stored, "folder"));
        };
    }

    private static String text(Map<String, Object> stored, String key) {
        Object value = stored.get(key);
        return value == null ? "" : String.valueOf(value);
    }

    private static Optional<Integer> number(Map<String, Object> stored, String key) {
        return stored.get(key) instanceof Number n ? Optional.of(n.intValue()) : Optional.empty();
    }
}
