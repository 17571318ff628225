package org.gospelib.gateway.internal;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Clock;
import java.time.Duration;
import org.gospelib.platform.HostedServices;
import org.gospelib.platform.InternalAssertions;
import org.gospelib.platform.PooledHttpClients;
import org.gospelib.platform.ServiceAddresses;
import org.gospelib.platform.SplitTopology;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/** The gateway of a split deployment: routes to the services it does not run itself. */
@Configuration(proxyBeanMethods = false)
@Conditional(SplitTopology.class)
@LoadBalancerClients(defaultConfiguration = ServiceBalancing.class)
class ServiceRoutesConfiguration {


    @Bean
    DiscoveryClient serviceDiscovery(ServiceAddresses addresses) {
        return new ServiceDiscovery(addresses);
    }

    /** The proxy's HTTP client: the deployment's pooled one (its timeouts from {@code spring.http.clients}). */
    @Bean
    ClientHttpRequestFactoryBuilder<?> proxyHttpClient() {
        return PooledHttpClients.builder();
    }

    @Bean
    ReplicaEjection replicaEjection(Clock clock) {
        return new ReplicaEjection(clock);
    }

    @Bean
    RouterFunction<ServerResponse> serviceRoutes(HostedServices hosted, ReplicaEjection ejection) {
        return ServiceRoutes.build(hosted, ejection);
    }

    @Bean
    OutboundHeaders outboundHeaders(InternalAssertions assertions) {
        return new OutboundHeaders(assertions);
    }

    @Bean
    OutboundHeaders.Returned returnedHeaders() {
        return new OutboundHeaders.Returned();
    }


    /**
     * Per service: open after half of the last 20 calls failed (at least 10), stay open 5 s, then
     * let a few through to see whether it is back.
     */
    @Bean
    Customizer<Resilience4JCircuitBreakerFactory> serviceCircuitBreakers() {
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .circuitBreakerConfig(CircuitBreakerConfig.custom().slidingWindowSize(20).minimumNumberOfCalls(10)
                        .failureRateThreshold(50).waitDurationInOpenState(Duration.ofSeconds(5))
                        .permittedNumberOfCallsInHalfOpenState(3).build())
                .build());
    }
}
