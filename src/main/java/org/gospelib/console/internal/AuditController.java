package org.gospelib.console.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.gospelib.identity.Caller;
import org.gospelib.platform.ConditionalOnService;
import org.gospelib.platform.QueryParameters;
import org.gospelib.platform.Service;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.gospelib.audit.AuditTrail;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The audit log, newest first (admins only). Every service writes to it; the console's service reads it. */
@RestController
@Tag(name = "Operations")
@ConditionalOnService(Service.WEB)
class AuditController {

    static final int MAX_LIMIT = 200;

    /** One recorded change; {@code before} is absent for a creation or an action, {@code after} for a removal. */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record Entry(long id, Instant at, String actor, String action, String target, Optional<JsonNode> before,
            Optional<JsonNode> after) {
    }

    /** A page of entries; {@code next} asks for the older ones. */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record Entries(List<Entry> entries, Optional<Long> next) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AuditTrail log;

    AuditController(AuditTrail log) {
        this.log = log;
    }

    @GetMapping("/v1/admin/audit")
    @Operation(summary = "Operators' changes, newest first (admins only)")
    ResponseEntity<Entries> entries(
            @Parameter(description = "Only the changes of one target, e.g. `reader:<id>`") @RequestParam Optional<String> target,
            @Parameter(description = "Only entries older than this id (the previous page's `next`)") @RequestParam Optional<String> before,
            @Parameter(description = "Entries per page, 1 to 200; default 50") @RequestParam Optional<String> limit,
            HttpServletRequest request) {
        Caller.operator(request);
        int size = limit.map(l -> QueryParameters.between(l, "limit", 1, MAX_LIMIT)).orElse(50);
        Optional<Long> beforeId = before.map(b -> QueryParameters.number(b, "before"));
        if (target.isPresent() && target.get().length() > 200) throw QueryParameters.invalid("target", "the target is too long");
        List<Entry> page = log.entries(target, beforeId, size).stream().map(e -> new Entry(e.id(), e.at(), e.actor(),
                e.action(), e.target(), e.before().map(JSON::readTree), e.after().map(JSON::readTree))).toList();
        Optional<Long> next = page.size() == size ? Optional.of(page.getLast().id()) : Optional.empty();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new Entries(page, next));
    }
}
