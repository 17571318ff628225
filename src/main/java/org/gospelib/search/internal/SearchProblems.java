package org.gospelib.search.internal;

import java.util.Map;
import org.gospelib.platform.ProblemException;

/** The problems search reports; their {@code type} slugs are part of the API. */
final class SearchProblems {

    private SearchProblems() {
    }

    static ProblemException invalidQuery(String detail) {
        return new ProblemException("invalid-query", "Query not understood", 400, detail);
    }

    static ProblemException queryTooLong(int length, int limit) {
        return new ProblemException("query-too-long", "Query too long", 400,
                "the query has " + length + " characters; at most " + limit + " are allowed",
                Map.of("length", length, "limit", limit));
    }

    static ProblemException tooExpensive(String detail) {
        return new ProblemException("too-expensive", "Query too expensive", 400, detail);
    }

    static ProblemException invalidFilter(String parameter, String detail) {
        return new ProblemException("invalid-filter", "Invalid filter", 400, detail, Map.of("parameter", parameter));
    }

    static ProblemException invalidCursor(String detail) {
        return new ProblemException("invalid-cursor", "Invalid cursor", 400, detail);
    }

    static ProblemException unknownTranslation(String id, Iterable<String> known) {
        return new ProblemException("unknown-translation", "Unknown translation", 400,
                "no translation '" + id + "'; available: " + String.join(", ", known), Map.of("translation", id));
    }

    static ProblemException missingParameter(String name) {
        return new ProblemException("missing-parameter", "Missing parameter", 400,
                "the query parameter '" + name + "' is required", Map.of("parameter", name));
    }

    static ProblemException notReady(String detail) {
        return new ProblemException("search-not-ready", "Search index not ready", 503, detail);
    }

    static ProblemException semanticUnavailable(String translation) {
        return new ProblemException("semantic-unavailable", "Semantic search unavailable", 400,
                "semantic search is not offered for " + translation, Map.of("translation", translation));
    }
}
