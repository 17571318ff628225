package org.gospelib.ingest.internal.osis;

import java.util.Map;

/** A piece of a scanned markup fragment: a run of text or a tag. */
public sealed interface OsisToken {

    /** Character data, entities already decoded. */
    record Text(String text) implements OsisToken {
    }

    /**
     * A tag. Names of elements and attributes are lower-cased so that matching is forgiving;
     * attribute values are entity-decoded.
     */
    record Tag(String name, Kind kind, Map<String, String> attributes) implements OsisToken {

        public enum Kind {
            /** {@code <x>} */
            START,
            /** {@code </x>} */
            END,
            /** {@code <x/>}, which in OSIS is usually a milestone */
            EMPTY
        }

        /** An attribute's value, or the empty string. */
        public String attr(String attribute) {
            return attributes.getOrDefault(attribute, "");
        }

        public boolean has(String attribute) {
            return attributes.containsKey(attribute);
        }

        public boolean attrIs(String attribute, String value) {
            return attr(attribute).equalsIgnoreCase(value);
        }

        public boolean is(String element) {
            return name.equals(element);
        }

        public boolean isStart() {
            return kind == Kind.START;
        }

        public boolean isEnd() {
            return kind == Kind.END;
        }

        public boolean isEmpty() {
            return kind == Kind.EMPTY;
        }
    }
}
