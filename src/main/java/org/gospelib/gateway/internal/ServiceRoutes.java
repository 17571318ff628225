package org.gospelib.gateway.internal;

import static org.springframework.cloud.gateway.server.mvc.filter.CircuitBreakerFilterFunctions.circuitBreaker;
import static org.springframework.cloud.gateway.server.mvc.filter.LoadBalancerFilterFunctions.lb;
import static org.springframework.cloud.gateway.server.mvc.filter.RetryFilterFunctions.retry;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.gospelib.platform.HostedServices;
import org.gospelib.platform.ProblemException;
import org.gospelib.platform.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.net.URI;
import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The split topology's routing table: which service answers which paths, proxied by Spring Cloud
 * Gateway (Server Web MVC) once this process's filter has checked the credential, the access rule
 * and the rate limit. Each route balances over the service's replicas, retries an idempotent read
 * on another replica when one fails, and sits behind a circuit breaker per service so a dead
 * service answers 503 at once instead of holding threads. The request goes on with an assertion
 * naming the verified caller, which the service checks ({@link OutboundHeaders}).
 */
final class ServiceRoutes {

    private static final Logger log = LoggerFactory.getLogger(ServiceRoutes.class);

    /** In order: the first route whose paths match wins. */
    static final List<Map.Entry<Service, List<String>>> TABLE = List.of(
            Map.entry(Service.NOTIFICATIONS, List.of("/v1/me/webhooks", "/v1/me/webhooks/**", "/v1/webhooks/**",
                    "/v1/me/notifications", "/v1/me/notifications/**", "/v1/notifications/**", "/v1/admin/webhooks",
                    "/v1/admin/webhooks/**", "/v1/admin/notifications/**")),
            Map.entry(Service.IDENTITY, List.of("/v1/me", "/v1/me/email", "/v1/me/email/**", "/v1/auth/**", "/.well-known/**",
                    "/v1/admin/users", "/v1/admin/users/**", "/v1/admin/sign-ups", "/v1/admin/keys", "/v1/admin/keys/**",
                    "/v1/me/billing", "/v1/me/billing/**", "/v1/billing/**", "/v1/admin/billing/**")),
            Map.entry(Service.STUDY, List.of("/v1/me/**", "/v1/plans", "/v1/plans/**", "/v1/assistant", "/v1/assistant/**",
                    "/v1/images/**", "/files/**")),
            Map.entry(Service.WORKER, List.of("/v1/admin/jobs", "/v1/admin/jobs/**", "/v1/admin/outbox", "/v1/admin/outbox/**",
                    "/v1/admin/ingest", "/v1/admin/ingest/**")),
            Map.entry(Service.WEB, List.of("/v1/admin/audit", "/v1/admin/traffic")),
            Map.entry(Service.CONTENT, List.of("/v1", "/v1/**")),
            Map.entry(Service.WEB, List.of("/**")));

    /** Never proxied: each process's own probes, and what only services call each other on. */
    private static final RequestPredicate LOCAL = RequestPredicates.path("/livez").or(RequestPredicates.path("/readyz"))
            .or(RequestPredicates.path("/internal/**")).or(RequestPredicates.path("/actuator/**"));

    private ServiceRoutes() {
    }

    static RouterFunction<ServerResponse> build(HostedServices hosted, ReplicaEjection ejection) {
        RouterFunction<ServerResponse> routes = null;
        for (Map.Entry<Service, List<String>> entry : TABLE) {
            Service service = entry.getKey();
            if (hosted.hosts(service)) continue;
            RequestPredicate paths = entry.getValue().stream().map(RequestPredicates::path).reduce(RequestPredicate::or).orElseThrow();
            RouterFunction<ServerResponse> route = GatewayRouterFunctions.route(service.key())
                    .route(LOCAL.negate().and(paths), http())
                    // filters wrap in the order added, the first outermost: every failure becomes a
                    // problem; the retry sees the proxy's own failure, and each retry balances
                    // again, so it reaches another replica (the assertion is added as the headers
                    // are copied: OutboundHeaders)
                    // a filter, not onError: the builder puts error handlers innermost, where they
                    // would turn a failure into an answer before the retry saw it
                    .filter((request, next) -> {
                        try {
                            return next.handle(request);
                        } catch (Exception failure) {
                            return unavailable(service, failure, request);
                        }
                    })
                    // the breaker counts a request failed once its retries have failed too
                    .filter(circuitBreaker(service.key()))
                    .filter(retry(config -> config.setRetries(2).setMethods(Set.of(HttpMethod.GET, HttpMethod.HEAD))
                            // only when no answer came: a service's own 5xx (search-not-ready) is its answer
                            .setSeries(Set.of())
                            .setExceptions(Set.of(IOException.class, TimeoutException.class, ResourceAccessException.class))))
                    .filter((request, next) -> {
                        try {
                            return next.handle(request);
                        } catch (Exception unreachable) {
                            // the replica lb chose could not be reached: leave it out of the retry
                            Object target = MvcUtils.getAttribute(request, MvcUtils.GATEWAY_REQUEST_URL_ATTR);
                            if (target instanceof URI replica) ejection.eject(replica);
                            throw unreachable;
                        }
                    })
                    .filter(lb(service.key()))
                    .build();
            routes = routes == null ? route : routes.and(route);
        }
        return routes;
    }

    private static ServerResponse unavailable(Service service, Throwable failure, ServerRequest request) {
        log.warn("{} {}: the {} service failed: {}", request.method(), request.path(), service.key(), failure.toString());
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "the " + service.key() + " service cannot answer now; retry shortly");
        body.setType(java.net.URI.create(ProblemException.TYPE_BASE + "service-unavailable"));
        body.setTitle("Service unavailable");
        body.setInstance(java.net.URI.create(request.path()));
        return ServerResponse.status(503).header("Retry-After", "1").contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
