package org.gospelib.platform.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.gospelib.platform.HostedServices;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A process that runs only the worker service runs jobs and serves no API but the queue's own
 * admin routes (the gateway routes them here): on its public port everything else is 404. Its
 * metrics are on the management port as usual.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class WorkerRoleFilter extends OncePerRequestFilter {

    private static final Set<String> PROBES = Set.of("/livez", "/readyz");
    private static final List<String> ADMIN = List.of("/v1/admin/jobs", "/v1/admin/outbox", "/v1/admin/ingest");

    private final boolean workerOnly;

    WorkerRoleFilter(HostedServices hosted) {
        this.workerOnly = hosted.workerOnly();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !workerOnly;
    }
    private static final byte[] NOT_FOUND = """
            {"type":"https://gospelib.org/problems/not-found","title":"Not found","status":404,\
            "detail":"a worker serves only its probes and the queue's admin routes"}""".getBytes(StandardCharsets.UTF_8);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        if (PROBES.contains(path) || ADMIN.stream().anyMatch(admin -> path.equals(admin) || path.startsWith(admin + "/"))) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(404);
        response.setContentType("application/problem+json");
        response.setContentLength(NOT_FOUND.length);
        response.getOutputStream().write(NOT_FOUND);
    }
}
