package org.gospelib.search.internal;

import org.gospelib.search.SearchRequest;
import org.gospelib.search.SearchResults;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gospelib.platform.CorpusCaching;
import org.gospelib.content.ScriptureText;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * The search API (v1). An answer depends on the URL, the corpus version and the indexes open
 * (a semantic index replaces a lexical one when its embeddings are done), so its ETag is derived
 * from all three.
 */
@RestController
@RequestMapping(path = "/v1", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
@Tag(name = "Search", description = "Full-text, Strong's and semantic search")
class SearchController {


    private final SearchService search;
    private final SearchIndexes indexes;
    private final ScriptureText scripture;

    SearchController(SearchService search, SearchIndexes indexes, ScriptureText scripture) {
        this.search = search;
        this.indexes = indexes;
        this.scripture = scripture;
    }

    @GetMapping("/search")
    @Operation(summary = "Search the text",
            description = "Words (all required), \"phrases\", OR, NOT/-word, +word, (groups), prefixes `lov*`, typos `beleive~` "
                    + "(automatic when exact words find little), Strong's numbers `H430`/`G26` (each hit lists the words "
                    + "translating the lemma). A query that is a reference (`John 3:16`, `Salmo 23`) is answered with those "
                    + "verses first. `mode=semantic` ranks by meaning (sentence embeddings); `mode=hybrid` fuses both rankings "
                    + "by reciprocal rank fusion. Highlights are HTML-escaped with `<mark>` around matches; facets count every "
                    + "match per book; `nextCursor` fetches the next page.")
    ResponseEntity<SearchResults> search(
            @Parameter(description = "The query, at most 500 characters") @RequestParam(required = false) String q,
            @Parameter(description = "Translation id; default: the first translation (KJV)") @RequestParam(required = false) String translation,
            @Parameter(description = "`lexical` (default), `semantic` or `hybrid`") @RequestParam(required = false) String mode,
            @Parameter(description = "Only these books: names or OSIS ids, comma-separated (`John`, `1 Co`, `Salmos`)") @RequestParam(required = false) String book,
            @Parameter(description = "`ot` or `nt`") @RequestParam(required = false) String testament,
            @Parameter(description = "Only verses in a reference range, e.g. `Rom 5-8`") @RequestParam(required = false) String range,
            @Parameter(description = "`relevance` (default) or `canonical`") @RequestParam(required = false) String sort,
            @Parameter(description = "Hits per page, 1 to 100; default 20") @RequestParam(required = false) String limit,
            @Parameter(description = "The `nextCursor` of the previous page") @RequestParam(required = false) String cursor,
            WebRequest request) {
        SearchRequest r = new SearchForm(q, translation, mode, book, testament, range, sort, limit, cursor).read();
        String key = String.join("\u0001", q == null ? "" : q.strip(), norm(translation).toUpperCase(), norm(mode), norm(book), norm(testament),
                norm(range), norm(sort), norm(limit), norm(cursor), indexes.state());
        String etag = CorpusCaching.etag(scripture.corpusVersion(), "search\u0001" + key);
        if (request.checkNotModified(etag)) return CorpusCaching.notModified(etag);
        return CorpusCaching.ok(etag, search.search(r));
    }

    private static String norm(String value) {
        return value == null ? "" : value.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
    }
}
