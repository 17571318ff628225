package org.gospelib.platform.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A worker ({@code gospelib.role=worker}) runs jobs and serves no API: on its public port only
 * the probes answer, everything else is 404. Its metrics are on the management port as usual.
 */
@Component
@ConditionalOnProperty(name = "gospelib.role", havingValue = "worker")
@Order(Ordered.HIGHEST_PRECEDENCE)
class WorkerRoleFilter extends OncePerRequestFilter {

    private static final Set<String> PROBES = Set.of("/livez", "/readyz");
    private static final byte[] NOT_FOUND = """
            {"type":"https://gospelib.org/problems/not-found","title":"Not found","status":404,\
            "detail":"a worker serves only its probes"}""".getBytes(StandardCharsets.UTF_8);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (PROBES.contains(request.getRequestURI())) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(404);
        response.setContentType("application/problem+json");
        response.setContentLength(NOT_FOUND.length);
        response.getOutputStream().write(NOT_FOUND);
    }
}
