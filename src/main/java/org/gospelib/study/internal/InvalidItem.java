package org.gospelib.study.internal;

/** Why an item cannot be kept as given, and which field says so. */
final class InvalidItem extends Exception {

    private final String field;
    private final boolean tooLarge;

    InvalidItem(String field, String reason) {
        this(field, reason, false);
    }

    InvalidItem(String field, String reason, boolean tooLarge) {
        super(reason, null, false, false);
        this.field = field;
        this.tooLarge = tooLarge;
    }

    String field() {
        return field;
    }

    /** True when the item is too large rather than wrong (413, not 422). */
    boolean tooLarge() {
        return tooLarge;
    }
}
