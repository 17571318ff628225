package org.gospelib.study.internal;

import java.util.Map;
import org.gospelib.platform.ProblemException;

/** Every problem the study API answers with, in one place: its stable type, title and status. */
final class StudyProblems {

    private StudyProblems() {
    }

    /** Something of the user's that is not there, or not theirs: both answer the same. */
    /** A service's call on the internal API without what it must name. */
    static ProblemException invalidQuery(String detail) {
        return new ProblemException("invalid-query", "Invalid query", 400, detail);
    }

    static ProblemException notFound(String detail) {
        return new ProblemException("not-found", "Not found", 404, detail);
    }

    static ProblemException invalidParameter(String detail) {
        return new ProblemException("invalid-parameter", "Invalid parameter", 400, detail);
    }

    static ProblemException malformedJson(String detail) {
        return new ProblemException("malformed-json", "Malformed JSON", 400, detail);
    }

    static ProblemException badReference(String reference, String detail) {
        return new ProblemException("bad-reference", "Reference not understood", 400, detail, Map.of("reference", reference));
    }

    static ProblemException invalidItem(InvalidItem e) {
        if (e.tooLarge()) {
            return new ProblemException("item-too-large", "Item too large", 413, e.getMessage(), Map.of("field", e.field()));
        }
        return new ProblemException("invalid-item", "Invalid item", 422, e.getMessage(), Map.of("field", e.field()));
    }

    static ProblemException invalidPlan(InvalidItem e) {
        return new ProblemException("invalid-plan", "Invalid plan", 422, e.getMessage(), Map.of("field", e.field()));
    }

    static ProblemException planNotFound(String id) {
        return new ProblemException("plan-not-found", "Plan not found", 404, "no built-in plan '" + id + "'");
    }

    static ProblemException invalidIdempotencyKey() {
        return new ProblemException("invalid-idempotency-key", "Invalid Idempotency-Key", 400,
                "an Idempotency-Key has 1 to 200 characters");
    }

    static ProblemException idempotencyKeyReused() {
        return new ProblemException("idempotency-key-reused", "Idempotency-Key reused", 422,
                "this Idempotency-Key was used for a different request");
    }

    static ProblemException changedMeanwhile(long currentVersion, String currentETag) {
        return new ProblemException("precondition-failed", "Changed meanwhile", 412,
                "the item changed since you read it; its current version is " + currentVersion,
                Map.of("currentETag", currentETag));
    }
}
