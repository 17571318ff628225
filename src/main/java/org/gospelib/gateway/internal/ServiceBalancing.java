package org.gospelib.gateway.internal;

import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Each service's load balancer: the configured replicas, less those just found unreachable.
 * Spring Cloud LoadBalancer makes a child context per service from this class, so it is not a
 * configuration class of the application (nor nested in one, which would make it one).
 */
class ServiceBalancing {

    @Bean
    ServiceInstanceListSupplier replicas(ConfigurableApplicationContext context, ReplicaEjection ejection) {
        return ServiceInstanceListSupplier.builder().withBlockingDiscoveryClient()
                .with((ctx, delegate) -> new ReplicaEjection.Supplier(delegate, ejection)).build(context);
    }
}
