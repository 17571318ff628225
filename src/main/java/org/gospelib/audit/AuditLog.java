package org.gospelib.audit;

/** Where operators' changes are recorded. */
public interface AuditLog {

    /**
     * Records a change in the caller's transaction: if the change rolls back, so does its entry,
     * and a change is never kept without one.
     */
    void record(AuditedChange change);
}
