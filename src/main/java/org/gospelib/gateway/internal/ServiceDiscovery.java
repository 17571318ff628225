package org.gospelib.gateway.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gospelib.platform.Service;
import org.gospelib.platform.ServiceAddresses;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.DiscoveryClient;

/**
 * The replicas of each service as configured ({@code gospelib.service-urls}), for Spring Cloud
 * LoadBalancer: in Kubernetes one Service address per service, on one host a list of ports.
 */
final class ServiceDiscovery implements DiscoveryClient {

    /** Made once: the balancer asks on every proxied request. */
    private final Map<String, List<ServiceInstance>> instances = new HashMap<>();

    ServiceDiscovery(ServiceAddresses addresses) {
        for (Service service : Service.values()) {
            List<ServiceInstance> list = new ArrayList<>();
            List<URI> replicas = addresses.of(service);
            for (int i = 0; i < replicas.size(); i++) {
                URI uri = replicas.get(i);
                boolean secure = "https".equals(uri.getScheme());
                int port = uri.getPort() > 0 ? uri.getPort() : secure ? 443 : 80;
                list.add(new DefaultServiceInstance(service.key() + "-" + i, service.key(), uri.getHost(), port, secure));
            }
            instances.put(service.key(), List.copyOf(list));
        }
    }

    @Override
    public String description() {
        return "GospeLib's configured service addresses";
    }

    @Override
    public List<ServiceInstance> getInstances(String serviceId) {
        return instances.getOrDefault(serviceId, List.of());
    }

    @Override
    public List<String> getServices() {
        return List.copyOf(instances.keySet());
    }
}
