package org.gospelib.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.gospelib.identity.Caller;
import org.gospelib.platform.ProblemException;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own account. The gateway has authorised the caller. */
@RestController
@Tag(name = "Identity")
class AccountController {

    private final IdentityService identity;

    AccountController(IdentityService identity) {
        this.identity = identity;
    }

    @GetMapping("/v1/me")
    @Operation(summary = "The signed-in user")
    ResponseEntity<ApiModel.User> me(HttpServletRequest request) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(ApiModel.User.of(identity.account(caller(request))));
    }

    @DeleteMapping("/v1/me")
    @Operation(summary = "Delete the signed-in user's account", description = "Also ends every sign-in and session of the account.")
    ResponseEntity<Void> deleteMe(HttpServletRequest request) {
        identity.delete(identity.account(caller(request)));
        return ResponseEntity.noContent().build();
    }

    /** Present whenever the gateway let the request through to a user route; its absence is a routing mistake. */
    static Caller caller(HttpServletRequest request) {
        return Caller.of(request).orElseThrow(
                () -> new ProblemException("authentication-required", "Sign in required", 401, "this needs a signed-in user"));
    }
}
