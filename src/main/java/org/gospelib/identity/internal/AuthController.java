package org.gospelib.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.gospelib.identity.IdentityProperties;
import org.gospelib.identity.PublicKeys;
import org.gospelib.identity.WebSessions;
import org.gospelib.platform.ProblemException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Sign up, sign in, refresh, sign out, web sessions, and the JWKS of the built-in provider. */
@RestController
@Tag(name = "Identity", description = "Accounts and tokens of the built-in identity provider")
class AuthController {

    private final IdentityService identity;
    private final ObjectProvider<PublicKeys> keys;
    private final ObjectProvider<ClerkWebhooks> clerk;
    private final IdentityProperties properties;

    AuthController(IdentityService identity, ObjectProvider<PublicKeys> keys, ObjectProvider<ClerkWebhooks> clerk,
            IdentityProperties properties) {
        this.identity = identity;
        this.keys = keys;
        this.clerk = clerk;
        this.properties = properties;
    }

    @PostMapping(path = "/v1/auth/signup", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create an account", description = "Email and password (10 to 256 characters). Sign in with "
            + "/v1/auth/token. An email asks the owner to verify the address.")
    ResponseEntity<ApiModel.User> signUp(@RequestBody ApiModel.SignUp body,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        String language = body.language().isBlank() ? (acceptLanguage == null ? "" : acceptLanguage) : body.language();
        return ResponseEntity.status(201)
                .body(ApiModel.User.of(identity.signUp(body.email(), body.password(), body.displayName(), language)));
    }

    @PostMapping(path = "/v1/auth/token", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Sign in", description = "Email and password for an access token (a JWT) and a refresh token.")
    ResponseEntity<ApiModel.TokenResponse> token(@RequestBody ApiModel.Credentials body) {
        return noStore(tokens(identity.signIn(body.email(), body.password())));
    }

    @PostMapping(path = "/v1/auth/refresh", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Renew tokens", description = "A refresh token is good once: it returns a new access token and the next refresh token. "
            + "Presenting a used refresh token again revokes every token of that sign-in.")
    ResponseEntity<ApiModel.TokenResponse> refresh(@RequestBody ApiModel.Refresh body) {
        return noStore(tokens(identity.refresh(body.refreshToken())));
    }

    @PostMapping(path = "/v1/auth/logout", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Sign out", description = "Revokes the refresh token and every token rotated from the same sign-in.")
    ResponseEntity<Void> logout(@RequestBody ApiModel.Refresh body) {
        identity.signOut(body.refreshToken());
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/v1/auth/session", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Sign in the web pages", description = "Sets an HttpOnly session cookie and a CSRF cookie; "
            + "state-changing requests made with the cookie must echo the CSRF token in X-CSRF-Token.")
    ResponseEntity<ApiModel.SessionResponse> startSession(@RequestBody ApiModel.Credentials body) {
        WebSessionStore.Started started = identity.startSession(body.email(), body.password());
        Duration maxAge = Duration.between(Instant.now(), started.expiresAt());
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.SET_COOKIE, cookie(WebSessions.SESSION_COOKIE, started.sessionToken(), maxAge, true))
                .header(HttpHeaders.SET_COOKIE, cookie(WebSessions.CSRF_COOKIE, started.csrfToken(), maxAge, false))
                .body(new ApiModel.SessionResponse(started.csrfToken(), started.expiresAt()));
    }

    @DeleteMapping("/v1/auth/session")
    @Operation(summary = "Sign the web pages out")
    ResponseEntity<Void> endSession(HttpServletRequest request) {
        if (request.getCookies() != null) {
            for (var c : request.getCookies()) {
                if (c.getName().equals(WebSessions.SESSION_COOKIE)) identity.endSession(c.getValue());
            }
        }
        return ResponseEntity.noContent()
                .header(HttpHeaders.SET_COOKIE, cookie(WebSessions.SESSION_COOKIE, "", Duration.ZERO, true))
                .header(HttpHeaders.SET_COOKIE, cookie(WebSessions.CSRF_COOKIE, "", Duration.ZERO, false))
                .build();
    }

    @GetMapping(path = "/.well-known/jwks.json", produces = {"application/jwk-set+json", MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Public keys of the access tokens", description = "Keys are identified by kid; a retired key stays until its tokens expire.")
    ResponseEntity<Map<String, Object>> jwks() {
        PublicKeys published = keys.getIfAvailable();
        if (published == null) {
            throw new ProblemException("built-in-provider-disabled", "Sign in with the identity provider", 404,
                    "tokens are issued by the external identity provider");
        }
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(published.publicKeys().toJSONObject(true));
    }

    @PostMapping(path = "/v1/auth/webhooks/clerk")
    @Operation(summary = "Clerk's user webhooks", description = "user.created, user.updated, user.deleted, signed by Svix.")
    ResponseEntity<Map<String, String>> clerkWebhook(@RequestHeader(name = "svix-id", required = false) String id,
            @RequestHeader(name = "svix-timestamp", required = false) String timestamp,
            @RequestHeader(name = "svix-signature", required = false) String signature,
            @RequestBody(required = false) byte[] body) {
        ClerkWebhooks webhooks = clerk.getIfAvailable();
        if (webhooks == null) {
            throw new ProblemException("webhooks-disabled", "Webhooks not configured", 404,
                    "set gospelib.identity.external.webhook-secret to receive Clerk's webhooks");
        }
        ClerkUserSync.Result result = webhooks.receive(id, timestamp, signature, body == null ? new byte[0] : body);
        return ResponseEntity.ok(Map.of("result", result.name().toLowerCase(java.util.Locale.ROOT)));
    }

    private static ApiModel.TokenResponse tokens(IdentityService.Tokens tokens) {
        return new ApiModel.TokenResponse(tokens.accessToken(), "Bearer", tokens.expiresIn(), tokens.refreshToken());
    }

    private static <T> ResponseEntity<T> noStore(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

    /** {@code __Host-} cookies: Secure, Path=/, no Domain, so no subdomain can set or read them. */
    private static String cookie(String name, String value, Duration maxAge, boolean httpOnly) {
        return ResponseCookie.from(name, value).path("/").secure(true).httpOnly(httpOnly).sameSite("Strict")
                .maxAge(maxAge).build().toString();
    }
}
