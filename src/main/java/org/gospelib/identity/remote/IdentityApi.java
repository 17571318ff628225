package org.gospelib.identity.remote;

import java.util.Optional;
import java.util.UUID;
import org.gospelib.identity.Caller;
import org.gospelib.identity.WebSessions.WebSession;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * The identity service's routes for the other services (never routed by the gateway), as a typed
 * client. A lookup that finds nothing answers 404 {@code not-found}, which the client reads as empty.
 */
@HttpExchange("/internal/identity")
public interface IdentityApi {

    @PostExchange("/sessions/resolve")
    WebSession resolveSession(@RequestBody SessionLookup lookup);

    @PostExchange("/accounts/user-id")
    AccountId userId(@RequestBody Caller caller);

    /** An answer of {@link org.gospelib.identity.AccountLinks#issue}; 404 when the request is closed or expired. */
    @PostExchange("/account-links/issue")
    org.gospelib.identity.AccountLinks.AccountLink issueAccountLink(@RequestBody AccountLinkRequest request);

    record AccountLinkRequest(UUID requestId) {
    }

    @PostExchange("/accounts/contact")
    org.gospelib.identity.Accounts.Contact contact(@RequestBody AccountId account);

    /** {@link org.gospelib.identity.PlanAssignments#assign}: the account's token subject; 404 when there is no such account. */
    @PostExchange("/accounts/plan")
    Subject assignPlan(@RequestBody PlanAssignment assignment);

    record PlanAssignment(UUID id, org.gospelib.identity.Plan plan) {
    }

    record Subject(String subject) {
    }

    /** @param cookie the session cookie's value, sent in a body so it never lands in an access log */
    record SessionLookup(String cookie) {
    }

    record AccountId(UUID id) {
    }

    /** Not found as an empty answer; any other problem propagates. */
    static <T> Optional<T> orEmpty(java.util.function.Supplier<T> call) {
        try {
            return Optional.of(call.get());
        } catch (org.gospelib.platform.ProblemException e) {
            if (e.status() == 404) return Optional.empty();
            throw e;
        }
    }
}
