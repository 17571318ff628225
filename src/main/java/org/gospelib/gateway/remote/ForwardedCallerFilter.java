package org.gospelib.gateway.remote;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.gospelib.gateway.internal.ProblemWriter;
import org.gospelib.identity.Caller;
import org.gospelib.identity.Plan;
import org.gospelib.identity.Role;
import org.gospelib.platform.InternalAssertion;
import org.gospelib.platform.InternalAssertions;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In a process behind the gateway, the gateway's word replaces its checks: every request but the
 * probes must carry an assertion signed by a process of this deployment for exactly this method
 * and path — from the gateway, naming the caller it verified (or none, for an anonymous reader),
 * or from another service calling on its own behalf. Without one the request is refused, so a
 * service port reached directly grants nothing; with one, its caller is the request's caller.
 */
final class ForwardedCallerFilter extends OncePerRequestFilter {

    /** Open without an assertion: probes, and the public keys the gateway verifies tokens with. */
    private static final Set<String> OPEN = Set.of("/livez", "/readyz", "/.well-known/jwks.json");

    private final InternalAssertions assertions;

    ForwardedCallerFilter(InternalAssertions assertions) {
        this.assertions = assertions;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return OPEN.contains(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<InternalAssertion> assertion = assertions.verify(request.getHeader(InternalAssertion.HEADER),
                InternalAssertions.requestOf(request.getMethod(), request.getRequestURI()));
        if (assertion.isEmpty()) {
            ProblemWriter.write(request, response, 401, "gateway-required", "Not through the gateway",
                    "this service answers requests passed on by GospeLib's gateway or its other services");
            return;
        }
        assertion.get().subject().ifPresent(subject -> request.setAttribute(Caller.REQUEST_ATTRIBUTE, callerOf(subject, assertion.get())));
        chain.doFilter(request, response);
    }

    private static Caller callerOf(String subject, InternalAssertion assertion) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String claim : assertion.roles()) Role.fromClaim(claim).ifPresent(roles::add);
        if (roles.isEmpty()) roles.add(Role.USER);
        return new Caller(subject, roles, Plan.fromClaim(assertion.plan()));
    }
}
