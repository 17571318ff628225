package org.gospelib.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.gospelib.audit.AuditLog;
import org.gospelib.audit.AuditedChange;
import org.gospelib.identity.Caller;
import org.gospelib.platform.ProblemException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The access-token signing keys' rotation, as operators see and start it (admins only). */
@RestController
@Tag(name = "Operations")
class KeysAdminController {

    private final Optional<KeyRing> keys;
    private final AuditLog audit;
    private final TransactionTemplate transactions;

    KeysAdminController(Optional<KeyRing> keys, AuditLog audit, TransactionTemplate transactions) {
        this.keys = keys;
        this.audit = audit;
        this.transactions = transactions;
    }

    @GetMapping("/v1/admin/keys")
    @Operation(summary = "Signing keys: which signs, which waits to, which still verifies, and the next rotation (admins only)")
    ResponseEntity<KeyRing.Rotation> keys(HttpServletRequest request) {
        admin(request);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(ring().rotation());
    }

    @PostMapping("/v1/admin/keys/rotate")
    @Operation(summary = "Rotate now: a new key is published and signs two minutes later, when every replica has it (admins only)")
    ResponseEntity<KeyRing.Rotation> rotate(HttpServletRequest request) {
        Caller operator = admin(request);
        KeyRing ring = ring();
        KeyRing.Rotation before = ring.rotation();
        ring.rotateSoon();
        KeyRing.Rotation after = ring.rotation();
        transactions.executeWithoutResult(tx -> audit.record(AuditedChange.of(operator.subject(), "keys.rotate", "signing-keys",
                before.keys(), after.keys())));
        return ResponseEntity.status(HttpStatus.ACCEPTED).cacheControl(CacheControl.noStore()).body(after);
    }

    private KeyRing ring() {
        return keys.orElseThrow(() -> new ProblemException("built-in-provider-disabled", "Keys are the identity provider's", 404,
                "access tokens are signed by the external identity provider; it rotates its own keys"));
    }

    private static Caller admin(HttpServletRequest request) {
        return Caller.operator(request);
    }
}
