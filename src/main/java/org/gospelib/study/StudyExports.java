package org.gospelib.study;

import java.util.UUID;

/**
 * A reader's study data as one document to keep: notes, highlights, bookmarks and questions to
 * the assistant. Slow for a reader with thousands of notes (a PDF quotes each note's verses), so
 * it is built by a job, not in a request.
 */
public interface StudyExports {

    /**
     * Everything the reader kept, in {@code format}; verses quoted in {@code translation} (KJV when
     * it is not installed).
     */
    ExportedDocument document(UUID userId, ExportFormat format, String translation);

    /** The document's bytes and what it holds. */
    record ExportedDocument(byte[] content, ExportFormat format, int items) {
    }
}
