package org.gospelib.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Password reset, address verification and address change by emailed single-use links (the
 * built-in provider; with an external one these stay with it). The links open web pages that post
 * the link's secret here.
 */
@RestController
@Tag(name = "Identity")
class AccountEmailController {

    private final AccountEmails emails;
    private final IdentityService identity;

    AccountEmailController(AccountEmails emails, IdentityService identity) {
        this.emails = emails;
        this.identity = identity;
    }

    @PostMapping(path = "/v1/auth/password-reset", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Ask for a password-reset email", description = "Always 202: whether the address has an account "
            + "is not told. If it has, a link valid for an hour is emailed to it (at most 3 an hour).")
    ResponseEntity<ApiModel.EmailAccepted> requestPasswordReset(@RequestBody ApiModel.PasswordResetRequest body) {
        emails.requestPasswordReset(IdentityService.checkEmail(body.email()));
        return ResponseEntity.accepted().body(new ApiModel.EmailAccepted(
                "if an account has this address, an email with a link to choose a new password is on its way"));
    }

    @PostMapping(path = "/v1/auth/password-reset/confirm", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Choose a new password with a reset link's token",
            description = "The link works once. Every sign-in and web session of the account ends.")
    ResponseEntity<Void> resetPassword(@RequestBody ApiModel.PasswordReset body) {
        emails.resetPassword(body.token(), body.password());
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/v1/auth/email-verification/confirm", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Verify an address with the emailed link's token")
    ResponseEntity<Void> verifyEmail(@RequestBody ApiModel.LinkToken body) {
        emails.verifyEmail(body.token());
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/v1/auth/email-change/confirm", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Complete a change of address with the link sent to the new address",
            description = "The former address is told of the change.")
    ResponseEntity<Void> confirmEmailChange(@RequestBody ApiModel.LinkToken body) {
        emails.confirmEmailChange(body.token());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/v1/me/email/verification")
    @Operation(summary = "Send the verification email again")
    ResponseEntity<ApiModel.EmailAccepted> resendVerification(HttpServletRequest request) {
        emails.resendVerification(identity.account(AccountController.caller(request)));
        return ResponseEntity.accepted().body(new ApiModel.EmailAccepted("a link to verify the address is on its way"));
    }

    @PostMapping(path = "/v1/me/email", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change the account's address", description = "Needs the current password. A link to the new "
            + "address completes the change within a day; the current address is told.")
    ResponseEntity<ApiModel.EmailAccepted> changeEmail(@RequestBody ApiModel.EmailChange body, HttpServletRequest request) {
        emails.requestEmailChange(identity.account(AccountController.caller(request)), body.email(), body.password());
        return ResponseEntity.accepted().body(new ApiModel.EmailAccepted(
                "a link to confirm the change is on its way to the new address"));
    }
}
