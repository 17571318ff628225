package org.gospelib.search.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gospelib.scripture.BookLayout;
import org.gospelib.scripture.Versification;
import org.gospelib.search.SearchRequest;

/**
 * The search form as it arrives ({@code /v1/search}'s query parameters, every one optional text)
 * read into a {@link SearchRequest}; a field that cannot be read is answered with a problem that
 * names it. Public for the search module's own client in another process ({@code search.remote}).
 */
public record SearchForm(String q, String translation, String mode, String book, String testament, String range, String sort,
        String limit, String cursor) {

    /** A request as a form again, for another process's {@code /v1/search}: it reads back as the same request. */
    public static SearchForm of(SearchRequest r) {
        return new SearchForm(r.q(), r.translation().orElse(""), r.mode().id(), String.join(",", r.books()),
                r.testament().map(SearchRequest.Testament::id).orElse(""), r.range().orElse(""), r.order().id(),
                Integer.toString(r.limit()), r.cursor().orElse(""));
    }

    public SearchRequest read() {
        SearchRequest.Mode ranking = blank(mode) ? SearchRequest.Mode.LEXICAL : SearchRequest.Mode.of(mode)
                .orElseThrow(() -> SearchProblems.invalidFilter("mode", "mode must be lexical, semantic or hybrid"));
        SearchRequest.Order order = blank(sort) ? SearchRequest.Order.RELEVANCE : SearchRequest.Order.of(sort)
                .orElseThrow(() -> SearchProblems.invalidFilter("sort", "sort must be relevance or canonical"));
        Optional<SearchRequest.Testament> only = blank(testament) ? Optional.empty() : Optional.of(SearchRequest.Testament
                .of(testament).orElseThrow(() -> SearchProblems.invalidFilter("testament", "testament must be ot or nt")));
        return new SearchRequest(q == null ? "" : q, text(translation), ranking, books(), only, text(range), order, hitsPerPage(), text(cursor));
    }

    private List<String> books() {
        List<String> ids = new ArrayList<>();
        if (blank(book)) return ids;
        for (String name : book.split(",")) {
            if (name.isBlank()) continue;
            String osis = Versification.kjv().bookNamed(name.strip()).map(BookLayout::osisId)
                    .orElseThrow(() -> SearchProblems.invalidFilter("book", "no book called '" + name.strip() + "'"));
            if (!ids.contains(osis)) ids.add(osis);
            if (ids.size() > SearchRequest.MAX_BOOKS) throw SearchProblems.invalidFilter("book", "too many books");
        }
        return ids;
    }

    private int hitsPerPage() {
        if (blank(limit)) return SearchRequest.DEFAULT_LIMIT;
        try {
            int n = Integer.parseInt(limit.strip());
            if (n >= 1 && n <= SearchRequest.MAX_LIMIT) return n;
        } catch (NumberFormatException e) {
            // answered below, as an out-of-range number is
        }
        throw SearchProblems.invalidFilter("limit", "limit must be a number from 1 to " + SearchRequest.MAX_LIMIT);
    }

    private static Optional<String> text(String value) {
        return blank(value) ? Optional.empty() : Optional.of(value.strip());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
