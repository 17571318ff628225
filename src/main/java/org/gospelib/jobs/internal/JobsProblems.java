package org.gospelib.jobs.internal;

import org.gospelib.platform.ProblemException;

/** Every problem the jobs API answers with: its stable type, title and status. */
final class JobsProblems {

    private JobsProblems() {
    }

    /** An admin route reached without an admin caller: answered as if it did not exist. */
    static ProblemException notFound(String detail) {
        return new ProblemException("not-found", "Not found", 404, detail);
    }

    static ProblemException invalidParameter(String detail) {
        return new ProblemException("invalid-parameter", "Invalid parameter", 400, detail);
    }

    static ProblemException alreadyQueued(String kind, String key) {
        return new ProblemException("job-already-queued", "Job already queued", 409,
                "a job " + kind + " with key " + key + " is already waiting or running");
    }
}
