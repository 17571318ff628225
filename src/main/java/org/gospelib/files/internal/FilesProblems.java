package org.gospelib.files.internal;

import java.util.Map;
import org.gospelib.platform.ProblemException;

/** The problems the files API answers with. */
final class FilesProblems {

    private FilesProblems() {
    }

    /** One answer for an expired, changed or unknown link, whether or not the file exists. */
    static ProblemException linkRefused() {
        return new ProblemException("link-refused", "Link refused", 403,
                "this download link is not valid (it may have expired); ask for a new one");
    }

    static ProblemException invalidParameter(String field, String detail) {
        return new ProblemException("invalid-parameter", "Invalid parameter", 400, detail, Map.of("field", field));
    }

    static ProblemException notFound(String detail) {
        return new ProblemException("not-found", "Not found", 404, detail);
    }

    static ProblemException tooManyExports(int limit) {
        return new ProblemException("too-many-exports", "Too many exports in progress", 429,
                "at most " + limit + " exports are built at once for a reader; wait for one to finish",
                Map.of("retryAfterSeconds", 30));
    }

    static ProblemException unknownTranslation(String id) {
        String shown = id == null ? "" : id.replaceAll("\\p{Cntrl}", "?");
        if (shown.length() > 40) shown = shown.substring(0, 40) + "…";
        return new ProblemException("unknown-translation", "Unknown translation", 404,
                "no translation '" + shown + "'; GET /v1/translations lists them", Map.of("field", "translation"));
    }

    static ProblemException invalidReference(String detail) {
        return new ProblemException("invalid-reference", "Invalid reference", 400, detail, Map.of("field", "reference"));
    }

    static ProblemException passageWithoutText() {
        return new ProblemException("passage-without-text", "Passage without text", 404,
                "the translation has no text for this passage");
    }

    static ProblemException cardNotReady() {
        return new ProblemException("card-not-ready", "Image not ready", 503, "the image is being drawn; retry shortly",
                Map.of("retryAfterSeconds", 2));
    }

    static ProblemException corpusNotReady() {
        return new ProblemException("corpus-not-ready", "Corpus not ready", 503, "the corpus is still being loaded; retry shortly",
                Map.of("retryAfterSeconds", 5));
    }
}
