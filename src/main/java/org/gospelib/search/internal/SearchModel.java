package org.gospelib.search.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The JSON of {@code /v1/search}. */
final class SearchModel {

    private SearchModel() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Result(String query, String mode, String translation, String sort, long total, Boolean typoTolerant,
            Reference reference, List<Hit> hits, Facets facets, String nextCursor) {
    }

    /** The query read as a reference, with the first verses it names. */
    record Reference(String osis, List<Verse> verses) {
    }

    record Verse(String osis, String text) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Hit(String osis, String translation, Float score, String text, String highlight, List<String> words) {
    }

    record Facets(List<BookCount> books) {
    }

    record BookCount(String book, int count) {
    }
}
