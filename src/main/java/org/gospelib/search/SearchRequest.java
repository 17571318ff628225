package org.gospelib.search;

/**
 * A search as a reader asks for it, not yet checked: every field is text as typed, an empty
 * string meaning "the default". {@link VerseSearch} answers a field it cannot read with a
 * problem naming it.
 *
 * @param q           the query (required)
 * @param translation translation id; default the first translation
 * @param mode        {@code lexical} (default), {@code semantic} or {@code hybrid}
 * @param book        only these books, comma-separated names or OSIS ids
 * @param testament   {@code ot} or {@code nt}
 * @param range       only verses in a reference range
 * @param sort        {@code relevance} (default) or {@code canonical}
 * @param limit       hits per page, 1 to 100
 * @param cursor      the previous page's {@code nextCursor}
 */
public record SearchRequest(String q, String translation, String mode, String book, String testament, String range,
        String sort, String limit, String cursor) {

    public SearchRequest {
        q = orEmpty(q);
        translation = orEmpty(translation);
        mode = orEmpty(mode);
        book = orEmpty(book);
        testament = orEmpty(testament);
        range = orEmpty(range);
        sort = orEmpty(sort);
        limit = orEmpty(limit);
        cursor = orEmpty(cursor);
    }

    /** A lexical search for {@code q} with every other field at its default. */
    public static SearchRequest of(String q) {
        return new SearchRequest(q, "", "", "", "", "", "", "", "");
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
