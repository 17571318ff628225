package org.gospelib.search.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.gospelib.identity.Caller;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The search indexes of this content replica, as operators see them (admins only). */
@RestController
@Tag(name = "Operations")
class SearchAdminController {

    record Indexes(List<SearchIndexes.IndexStatus> indexes) {
    }

    private final SearchIndexes indexes;

    SearchAdminController(SearchIndexes indexes) {
        this.indexes = indexes;
    }

    @GetMapping("/v1/admin/search")
    @Operation(summary = "Each translation's search index: open, and whether its semantic part is (admins only)")
    ResponseEntity<Indexes> indexes(HttpServletRequest request) {
        Caller.operator(request);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new Indexes(indexes.status()));
    }
}
