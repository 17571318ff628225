package org.gospelib.gateway.internal;

import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Each service's load balancer: the configured replicas, less those just found unreachable.
 * Spring Cloud LoadBalancer makes a child context per service from this class, so it is not a
 * configuration class of the application (nor nested in one, which would make it one).
 */
class ServiceBalancing {

    /**
     * Read straight from the configured addresses on each request: they are fixed for the life of
     * the process, so Spring Cloud's discovery-client chain (a timeout scheduled on a reactive
     * pool per request, a cache in front of it) would only add work to every proxied request.
     */
    @Bean
    ServiceInstanceListSupplier replicas(Environment environment, DiscoveryClient discovery, ReplicaEjection ejection) {
        return new ReplicaEjection.Supplier(LoadBalancerClientFactory.getName(environment), discovery, ejection);
    }
}
