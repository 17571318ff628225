package org.gospelib.gateway.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.gospelib.identity.Caller;
import org.gospelib.identity.Role;
import org.gospelib.platform.InternalAssertion;
import org.gospelib.platform.InternalAssertions;
import org.gospelib.platform.RequestIds;
import org.gospelib.platform.Service;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.function.ServerRequest;

/**
 * The headers a proxied request leaves with: whatever assertion the client sent replaced by ours
 * (the verified caller, bound to the method and path), and this request's id, so the service logs
 * under the same id. Applied by the proxy as it copies the headers, last, so no other header
 * filter can put a client's assertion back.
 */
final class OutboundHeaders implements HttpHeadersFilter.RequestHttpHeadersFilter, Ordered {

    private final InternalAssertions assertions;

    OutboundHeaders(InternalAssertions assertions) {
        this.assertions = assertions;
    }

    @Override
    public HttpHeaders apply(HttpHeaders headers, ServerRequest request) {
        HttpServletRequest servlet = request.servletRequest();
        Optional<Caller> caller = Caller.of(servlet);
        InternalAssertion assertion = new InternalAssertion(Service.GATEWAY.key(),
                InternalAssertions.requestOf(servlet.getMethod(), servlet.getRequestURI()), caller.map(Caller::subject),
                caller.map(c -> c.roles().stream().map(Role::claim).sorted().toList()).orElse(List.of()),
                caller.map(c -> c.plan().claim()).orElse(""));
        headers.set(InternalAssertion.HEADER, assertions.sign(assertion));
        RequestIds.of(servlet).ifPresent(id -> headers.set(RequestIds.HEADER, id));
        return headers;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** The service echoes the request's id; the gateway has already set it on its own answer. */
    static final class Returned implements HttpHeadersFilter.ResponseHttpHeadersFilter {

        @Override
        public HttpHeaders apply(HttpHeaders headers, org.springframework.web.servlet.function.ServerResponse response) {
            headers.remove(RequestIds.HEADER);
            return headers;
        }
    }
}
