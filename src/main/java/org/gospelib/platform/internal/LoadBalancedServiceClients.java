package org.gospelib.platform.internal;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.gospelib.platform.HostedServices;
import org.gospelib.platform.InternalAssertion;
import org.gospelib.platform.InternalAssertions;
import org.gospelib.platform.PooledHttpClients;
import org.gospelib.platform.ProblemException;
import org.gospelib.platform.Service;
import org.gospelib.platform.ServiceAddresses;
import org.gospelib.platform.ServiceClients;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.support.HttpRequestWrapper;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@link ServiceClients} over Spring's {@code RestClient} and HTTP interface clients, with
 * Resilience4j's circuit breaker per replica. Choosing the replica is a loop over the configured
 * list (round robin from a moving start): the lists are short and static, so a discovery client
 * and a load-balancer library would add moving parts without adding behaviour.
 */
final class LoadBalancedServiceClients implements ServiceClients {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private final ServiceAddresses addresses;
    private final InternalAssertions assertions;
    private final String issuer;
    private final RestClient.Builder builder;
    private final CircuitBreakerRegistry breakers;
    private final Map<Service, AtomicInteger> next = new ConcurrentHashMap<>();
    /** One pool for every service this process calls (a service's replicas are its routes). */
    private final ClientHttpRequestFactory http = PooledHttpClients.builder()
            .build(HttpClientSettings.defaults().withTimeouts(CONNECT_TIMEOUT, READ_TIMEOUT).withRedirects(HttpRedirects.DONT_FOLLOW));

    LoadBalancedServiceClients(ServiceAddresses addresses, InternalAssertions assertions, HostedServices hosted,
            RestClient.Builder builder) {
        this.addresses = addresses;
        this.assertions = assertions;
        this.issuer = hosted.toString();
        this.builder = builder;
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED).slidingWindowSize(10)
                .minimumNumberOfCalls(4).failureRateThreshold(50).waitDurationInOpenState(Duration.ofSeconds(5))
                .permittedNumberOfCallsInHalfOpenState(2).automaticTransitionFromOpenToHalfOpenEnabled(true).build());
    }

    @Override
    public <T> T client(Service service, Class<T> api) {
        RestClient client = builder.clone().requestFactory(http).baseUrl("http://" + service.key())
                .requestInterceptor(new Replicas(service))
                .defaultStatusHandler(status -> status.isError(), (request, response) -> {
                    throw RemoteProblems.from(service, response);
                })
                .build();
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(client)).build().createClient(api);
    }

    /** Sends each request to a replica, signed; a read goes to the next replica when one gives no answer. */
    private final class Replicas implements ClientHttpRequestInterceptor {

        private final Service service;

        Replicas(Service service) {
            this.service = service;
        }

        @Override
        public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
                throws IOException {
            List<URI> replicas = addresses.of(service);
            boolean idempotent = request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD;
            int start = Math.floorMod(next.computeIfAbsent(service, s -> new AtomicInteger()).getAndIncrement(), replicas.size());
            IOException last = null;
            int tried = 0;
            for (int i = 0; i < replicas.size(); i++) {
                URI replica = replicas.get((start + i) % replicas.size());
                CircuitBreaker breaker = breakers.circuitBreaker(replica.toString());
                // the last replica is tried even with its breaker open: better a slow failure than none tried
                if (!breaker.tryAcquirePermission() && i < replicas.size() - 1) continue;
                long started = System.nanoTime();
                tried++;
                try {
                    // an answer, whatever its status, is the service's (503 search-not-ready included),
                    // as at the gateway: only a replica that gives none counts against it
                    ClientHttpResponse response = execution.execute(at(request, replica), body);
                    breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                    return response;
                } catch (IOException e) {
                    breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, e);
                    last = e;
                    if (!idempotent) break; // a write may have happened: never sent twice
                }
            }
            throw new ProblemException("service-unavailable", "Service unavailable", 503,
                    "the " + service.key() + " service cannot be reached (" + tried + " of " + replicas.size()
                            + " replicas tried" + (last == null ? "" : ": " + last.getClass().getSimpleName()) + ")");
        }

        private HttpRequest at(HttpRequest request, URI replica) {
            URI target = UriComponentsBuilder.fromUri(request.getURI()).scheme(replica.getScheme()).host(replica.getHost())
                    .port(replica.getPort()).build(true).toUri();
            String signed = assertions.sign(InternalAssertion.ofService(issuer,
                    InternalAssertions.requestOf(request.getMethod().name(), target.getRawPath())));
            HttpRequest wrapped = new HttpRequestWrapper(request) {
                @Override
                public URI getURI() {
                    return target;
                }
            };
            wrapped.getHeaders().set(InternalAssertion.HEADER, signed);
            return wrapped;
        }
    }
}
