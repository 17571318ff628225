package org.gospelib.content.internal;

import java.util.Map;
import org.gospelib.platform.ProblemException;

/** The problems content reports; their {@code type} slugs are part of the API. */
public final class ContentProblems {

    private ContentProblems() {
    }

    public static ProblemException badReference(String input, String detail, String unparsed) {
        return new ProblemException("bad-reference", "Reference not understood", 400, detail,
                Map.of("reference", input, "notUnderstood", unparsed));
    }

    public static ProblemException unknownTranslation(String id, int status, Iterable<String> known) {
        return new ProblemException("unknown-translation", "Unknown translation", status,
                "no translation '" + id + "'; available: " + String.join(", ", known), Map.of("translation", id));
    }

    public static ProblemException verseOutOfRange(String osis, String detail) {
        return new ProblemException("verse-out-of-range", "Verse out of range", 404, detail, Map.of("osis", osis));
    }

    public static ProblemException passageTooLong(int verses, int limit) {
        return new ProblemException("passage-too-long", "Passage too long", 400,
                "the passage has " + verses + " verses; at most " + limit + " may be requested at once",
                Map.of("verses", verses, "limit", limit));
    }

    public static ProblemException passageTooLong(int verses, int translations, int limit) {
        if (translations == 1) return passageTooLong(verses, limit);
        return new ProblemException("passage-too-long", "Passage too long", 400,
                "the passage has " + verses + " verses in " + translations + " translations, " + verses * translations
                        + " verse texts; at most " + limit + " may be requested at once: ask for fewer translations or less text",
                Map.of("verses", verses, "translations", translations, "limit", limit));
    }

    public static ProblemException tooManyTranslations(int requested, int limit) {
        return new ProblemException("too-many-translations", "Too many translations", 400,
                requested + " translations requested; at most " + limit + " side by side", Map.of("limit", limit));
    }

    public static ProblemException missingParameter(String name) {
        return new ProblemException("missing-parameter", "Missing parameter", 400,
                "the query parameter '" + name + "' is required", Map.of("parameter", name));
    }

    public static ProblemException invalidParameter(String detail) {
        return new ProblemException("invalid-parameter", "Invalid parameter", 400, detail);
    }

    public static ProblemException corpusNotReady() {
        return new ProblemException("corpus-not-ready", "Corpus not loaded yet", 503,
                "the corpus is being loaded or has not been ingested yet; retry shortly");
    }
}
