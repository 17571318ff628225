package org.gospelib.platform;

import java.util.List;
import java.util.Optional;

/**
 * What one GospeLib process tells another about a request it passes on, signed so the receiver
 * can trust it: which service sent it, for which request (method and path), and — when the
 * gateway passes on a user's request — who the caller is, as the gateway verified them.
 *
 * @param issuer  the services of the process that signed it ({@code gateway}, {@code web})
 * @param request the method and path it is good for ({@code GET /v1/me/notes})
 * @param subject the caller's subject; empty for an anonymous caller or a service's own call
 * @param roles   the caller's roles, as claims
 * @param plan    the caller's plan, as a claim; empty with no subject
 */
public record InternalAssertion(String issuer, String request, Optional<String> subject, List<String> roles, String plan) {

    /** The header carrying the signed assertion. */
    public static final String HEADER = "X-Gospelib-Assertion";

    public InternalAssertion {
        roles = List.copyOf(roles);
    }

    /** A service's own request, on behalf of no user. */
    public static InternalAssertion ofService(String issuer, String request) {
        return new InternalAssertion(issuer, request, Optional.empty(), List.of(), "");
    }
}
