package org.gospelib.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;

/**
 * One page of search results, as {@code /v1/search} answers and the web reader shows them.
 *
 * @param query        the query as searched
 * @param mode         how the hits were ranked
 * @param translation  the translation searched
 * @param sort         the order of the hits
 * @param total        verses matching (for semantic modes: verses ranked)
 * @param typoTolerant true when exact words found little and the words were matched with typos; absent otherwise
 * @param reference    the query read as a reference, with its first verses; absent when it is not one, and on later pages
 * @param hits         this page's verses, best first (or canonical order)
 * @param facets       matches per book
 * @param nextCursor   fetches the next page; absent on the last
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record SearchResults(String query, SearchRequest.Mode mode, String translation, SearchRequest.Order sort, long total,
        Optional<Boolean> typoTolerant, Optional<Reference> reference, List<Hit> hits, Facets facets, Optional<String> nextCursor) {

    /** The query read as a reference, with the first verses it names. */
    public record Reference(String osis, List<Verse> verses) {
    }

    /** A verse's reference and text. */
    public record Verse(String osis, String text) {
    }

    /**
     * A matching verse.
     *
     * @param score     the ranking's score; absent in canonical order
     * @param highlight the text HTML-escaped, with {@code <mark>} around what matched
     * @param words     for Strong's queries, the words translating the lemma in this verse; absent otherwise
     */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record Hit(String osis, String translation, Optional<Float> score, String text, String highlight,
            Optional<List<String>> words) {
    }

    /** Matches counted per book. */
    public record Facets(List<BookCount> books) {
    }

    /** A book's OSIS id and how many matches it holds. */
    public record BookCount(String book, int count) {
    }
}
