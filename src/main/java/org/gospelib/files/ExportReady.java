package org.gospelib.files;

import java.time.Instant;
import java.util.UUID;
import org.gospelib.platform.DomainEvent;

/** A reader's export was built and stored: it can be downloaded from their account page. */
public record ExportReady(UUID userId, UUID exportId, String format, long bytes, Instant at) implements DomainEvent {

    @Override
    public String eventId() {
        return "export_ready_" + exportId;
    }
}
