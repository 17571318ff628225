package org.gospelib.gateway.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before any other filter decides anything, a request whose target is not in its one
 * canonical spelling or does not decode to UTF-8 (see {@link RequestTarget}): 400 problem+json,
 * on every path, so no later filter or handler sees a target it could read differently. It runs
 * in every process, gateway or not: a service reached directly must not answer 500 either.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class RequestTargetFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<RequestTarget.Refusal> refusal = RequestTarget.check(request.getRequestURI(), request.getQueryString());
        if (refusal.isPresent()) {
            ProblemWriter.write(request, response, 400, refusal.get().type(),
                    refusal.get().type().equals("invalid-encoding") ? "Invalid encoding" : "Non-canonical path",
                    refusal.get().detail());
            return;
        }
        chain.doFilter(request, response);
    }
}
