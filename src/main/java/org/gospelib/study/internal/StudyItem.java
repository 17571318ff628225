package org.gospelib.study.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A kept item as stored, or its tombstone ({@code deleted}) once removed. */
record StudyItem(UUID id, StudyKind kind, String osis, int first, int last, ItemData data, List<String> tags,
        int version, long change, boolean deleted, Instant createdAt, Instant updatedAt) implements SyncEntry {

    /** The strong ETag of this version of the item. */
    String etag() {
        return "\"" + id + "." + version + "\"";
    }
}
