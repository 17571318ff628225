package org.gospelib.ingest.internal.osis;

import java.util.Map;

/** A piece of a scanned markup fragment: a run of text or a tag. */
sealed interface OsisToken {

    /** Character data, entities already decoded. */
    record Text(String text) implements OsisToken {
    }

    /**
     * A tag. Names of elements and attributes are lower-cased so that matching is forgiving;
     * attribute values are entity-decoded.
     */
    record Tag(String name, Kind kind, Map<String, String> attributes) implements OsisToken {

        enum Kind {
            /** {@code <x>} */
            START,
            /** {@code </x>} */
            END,
            /** {@code <x/>}, which in OSIS is usually a milestone */
            EMPTY
        }

        /** An attribute's value, or the empty string. */
        String attr(String attribute) {
            return attributes.getOrDefault(attribute, "");
        }

        boolean has(String attribute) {
            return attributes.containsKey(attribute);
        }

        boolean attrIs(String attribute, String value) {
            return attr(attribute).equalsIgnoreCase(value);
        }

        boolean is(String element) {
            return name.equals(element);
        }

        boolean isStart() {
            return kind == Kind.START;
        }

        boolean isEnd() {
            return kind == Kind.END;
        }

        boolean isEmpty() {
            return kind == Kind.EMPTY;
        }
    }
}
