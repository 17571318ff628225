package org.gospelib.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.gospelib.identity.Caller;
import org.gospelib.identity.Role;
import org.gospelib.platform.ProblemException;
import org.gospelib.platform.QueryParameters;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Readers, as operators see and manage them (admins only). Anyone else is told these routes do
 * not exist, here as at the gateway.
 */
@RestController
@Tag(name = "Operations")
class ReaderAdminController {

    record Readers(List<ReaderAdministration.Reader> readers) {
    }

    /** A new role: {@code user} or {@code admin}. */
    record RoleChange(String role) {
    }

    private final ReaderAdministration readers;

    ReaderAdminController(ReaderAdministration readers) {
        this.readers = readers;
    }

    @GetMapping("/v1/admin/users")
    @Operation(summary = "Readers whose email or name contains q, newest first (admins only)")
    ResponseEntity<Readers> find(@Parameter(description = "Part of an email or a name; blank: the newest readers")
            @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "50") String limit, HttpServletRequest request) {
        admin(request);
        if (q.length() > 200) throw invalid("q", "at most 200 characters");
        return fresh(new Readers(readers.find(q, QueryParameters.between(limit, "limit", 1, ReaderAdministration.MAX_FOUND))));
    }

    @GetMapping("/v1/admin/sign-ups")
    @Operation(summary = "Accounts made per day (UTC), the last days first to last (admins only)")
    ResponseEntity<ReaderAdministration.SignUps> signUps(@RequestParam(defaultValue = "30") String days, HttpServletRequest request) {
        admin(request);
        return fresh(readers.signUps(QueryParameters.between(days, "days", 1, 366)));
    }

    @GetMapping("/v1/admin/users/{id}")
    @Operation(summary = "One reader: account, sign-ins, sessions and lockouts (admins only)")
    ResponseEntity<ReaderAdministration.ReaderDetail> reader(@PathVariable String id, HttpServletRequest request) {
        admin(request);
        return fresh(readers.detail(id(id)).orElseThrow(ReaderAdministration::notFound));
    }

    @PostMapping("/v1/admin/users/{id}/lock")
    @Operation(summary = "Lock a reader out: no sign-in, and every session and app sign-in ends (admins only)")
    ResponseEntity<ReaderAdministration.ReaderDetail> lock(@PathVariable String id, HttpServletRequest request) {
        return fresh(readers.lock(admin(request), id(id)));
    }

    @PostMapping("/v1/admin/users/{id}/unlock")
    @Operation(summary = "Let a locked reader sign in again; also lifts a lockout for wrong passwords (admins only)")
    ResponseEntity<ReaderAdministration.ReaderDetail> unlock(@PathVariable String id, HttpServletRequest request) {
        return fresh(readers.unlock(admin(request), id(id)));
    }

    @PostMapping("/v1/admin/users/{id}/end-sessions")
    @Operation(summary = "End every web session and app sign-in of a reader (admins only)")
    ResponseEntity<ReaderAdministration.ReaderDetail> endSessions(@PathVariable String id, HttpServletRequest request) {
        return fresh(readers.endSessions(admin(request), id(id)));
    }

    @PutMapping("/v1/admin/users/{id}/role")
    @Operation(summary = "Grant a reader the admin role, or take it back (admins only; not one's own)")
    ResponseEntity<ReaderAdministration.ReaderDetail> role(@PathVariable String id, @RequestBody RoleChange change,
            HttpServletRequest request) {
        Caller operator = admin(request);
        Role role = Role.fromClaim(change == null || change.role() == null ? "" : change.role().strip())
                .orElseThrow(() -> invalid("role", "role must be user or admin"));
        return fresh(readers.grant(operator, id(id), role));
    }

    @DeleteMapping("/v1/admin/users/{id}")
    @Operation(summary = "Delete a reader's account and everything kept for it, as their own deletion does (admins only)")
    ResponseEntity<Void> delete(@PathVariable String id, HttpServletRequest request) {
        readers.delete(admin(request), id(id));
        return ResponseEntity.noContent().build();
    }

    private static Caller admin(HttpServletRequest request) {
        return Caller.operator(request);
    }

    private static UUID id(String text) {
        return IdentityService.parseUuid(text).orElseThrow(ReaderAdministration::notFound);
    }

    private static ProblemException invalid(String parameter, String detail) {
        return QueryParameters.invalid(parameter, detail);
    }

    private static <T> ResponseEntity<T> fresh(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }
}
