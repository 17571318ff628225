package org.gospelib.gateway.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Flux;

/**
 * Passive health: a replica the proxy could not reach is left out of the balancing for a few
 * seconds, so the retry of a read goes to another replica (round robin alone may pick the dead
 * one again while other requests move the counter). After {@link #FOR} it is tried again; if
 * every replica is out, all are offered, since a slow failure beats none tried.
 */
final class ReplicaEjection {

    static final Duration FOR = Duration.ofSeconds(5);

    private final Map<String, Instant> ejected = new ConcurrentHashMap<>();
    private final Clock clock;

    ReplicaEjection(Clock clock) {
        this.clock = clock;
    }

    void eject(URI replica) {
        ejected.put(key(replica.getHost(), replica.getPort()), clock.instant().plus(FOR));
    }

    List<ServiceInstance> available(List<ServiceInstance> instances) {
        Instant now = clock.instant();
        List<ServiceInstance> up = instances.stream().filter(instance -> {
            Instant until = ejected.get(key(instance.getHost(), instance.getPort()));
            return until == null || until.isBefore(now);
        }).toList();
        return up.isEmpty() ? instances : up;
    }

    private static String key(String host, int port) {
        return host + ":" + port;
    }

    /** The replicas the load balancer chooses from, without the ejected ones. */
    static final class Supplier implements ServiceInstanceListSupplier {

        private final String serviceId;
        private final DiscoveryClient discovery;
        private final ReplicaEjection ejection;

        Supplier(String serviceId, DiscoveryClient discovery, ReplicaEjection ejection) {
            this.serviceId = serviceId;
            this.discovery = discovery;
            this.ejection = ejection;
        }

        @Override
        public String getServiceId() {
            return serviceId;
        }

        @Override
        public Flux<List<ServiceInstance>> get() {
            return Flux.just(ejection.available(discovery.getInstances(serviceId)));
        }
    }
}
