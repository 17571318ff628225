package org.gospelib.search.remote;

import org.gospelib.platform.Service;
import org.gospelib.platform.ServiceClients;
import org.gospelib.search.SearchRequest;
import org.gospelib.search.SearchResults;
import org.gospelib.search.VerseSearch;
import org.gospelib.search.internal.SearchForm;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;

/**
 * Search answered by the content service in another process, through its public route: the same
 * request, the same results, the same problems (a bad field, an index still being built).
 */
@Component
final class RemoteVerseSearch implements VerseSearch {

    private final SearchApi api;

    RemoteVerseSearch(ServiceClients clients) {
        this.api = clients.client(Service.CONTENT, SearchApi.class);
    }

    @Override
    public SearchResults search(SearchRequest r) {
        SearchForm form = SearchForm.of(r);
        return api.search(form.q(), form.translation(), form.mode(), form.book(), form.testament(), form.range(), form.sort(),
                form.limit(), form.cursor());
    }

    interface SearchApi {
        @GetExchange("/v1/search")
        SearchResults search(@RequestParam String q, @RequestParam String translation, @RequestParam String mode,
                @RequestParam String book, @RequestParam String testament, @RequestParam String range,
                @RequestParam String sort, @RequestParam String limit, @RequestParam String cursor);
    }
}
