package org.gospelib.assistant.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.gospelib.identity.Accounts;
import org.gospelib.identity.Caller;
import org.gospelib.platform.ProblemException;

/** The assistant API's problems, and the signed-in reader they are about. */
final class AssistantProblems {

    private AssistantProblems() {
    }

    static ProblemException authenticationRequired() {
        return new ProblemException("authentication-required", "Sign in required", 401, "the assistant answers signed-in readers");
    }

    static ProblemException invalidQuestion(String field, String detail) {
        return new ProblemException("invalid-question", "Invalid question", 400, detail, Map.of("field", field));
    }

    static ProblemException unknownTranslation(String id) {
        return new ProblemException("unknown-translation", "Unknown translation", 400,
                "no translation '" + clip(id) + "'; GET /v1/translations lists them", Map.of("field", "translation"));
    }

    static ProblemException quotaExceeded(int perHour, Duration retryAfter) {
        long seconds = Math.max(1, retryAfter.toSeconds());
        return new ProblemException("assistant-quota-exceeded", "Question limit reached", 429,
                "your plan lets you ask " + perHour + " questions an hour; ask again in " + Math.ceilDiv(seconds, 60) + " min",
                Map.of("retryAfterSeconds", seconds, "questionsPerHour", perHour));
    }

    static ProblemException notFound(String what) {
        return new ProblemException("not-found", "Not found", 404, what);
    }

    static ProblemException invalidParameter(String field, String detail) {
        return new ProblemException("invalid-parameter", "Invalid parameter", 400, detail, Map.of("field", field));
    }

    static ProblemException corpusNotReady() {
        return new ProblemException("corpus-not-ready", "Corpus not ready", 503, "the corpus is still being loaded; retry shortly");
    }

    static String clip(String value) {
        String text = value == null ? "" : value.replaceAll("\\p{Cntrl}", "?");
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

}
