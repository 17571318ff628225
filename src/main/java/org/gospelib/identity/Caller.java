package org.gospelib.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.Set;

/**
 * An authenticated caller, as the gateway established it from a verified access token or a web
 * session, attached to the request under {@link #REQUEST_ATTRIBUTE} for the handlers.
 *
 * @param subject the token's {@code sub}: our user id (built-in) or the external provider's
 * @param roles   at least {@link Role#USER}
 * @param plan    sets the rate limits
 */
public record Caller(String subject, Set<Role> roles, Plan plan) {

    /** Request attribute holding the {@code Caller} of an authenticated request. */
    public static final String REQUEST_ATTRIBUTE = Caller.class.getName();

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    /**
     * The caller the gateway attached to a request (or, behind a gateway in another process, the
     * one it vouched for); empty for an anonymous request. Handlers of user and admin routes find
     * one whenever the gateway's access rules hold; each module turns its absence into its own problem.
     */
    /**
     * The operator an admin route serves. To anyone else the route does not exist: the same
     * {@code 404 not-found} the gateway answers, should a request ever reach the route without it.
     */
    public static Caller operator(HttpServletRequest request) {
        return of(request).filter(Caller::isAdmin)
                .orElseThrow(() -> new org.gospelib.platform.ProblemException("not-found", "Not found", 404, "not found"));
    }

    public static Optional<Caller> of(HttpServletRequest request) {
        return request.getAttribute(REQUEST_ATTRIBUTE) instanceof Caller caller ? Optional.of(caller) : Optional.empty();
    }
}
