package org.gospelib.audit;

import java.util.List;
import java.util.Optional;

/** Reading the audit log. */
public interface AuditTrail {

    /** The newest entries first: of one target when given, older than {@code beforeId} when given. */
    List<AuditEntry> entries(Optional<String> target, Optional<Long> beforeId, int limit);
}
