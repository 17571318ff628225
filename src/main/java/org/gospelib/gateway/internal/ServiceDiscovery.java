package org.gospelib.gateway.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

    private final ServiceAddresses addresses;

    ServiceDiscovery(ServiceAddresses addresses) {
        this.addresses = addresses;
    }

    @Override
    public String description() {
        return "GospeLib's configured service addresses";
    }

    @Override
    public List<ServiceInstance> getInstances(String serviceId) {
        return Service.fromKey(serviceId).map(service -> {
            List<ServiceInstance> instances = new ArrayList<>();
            List<URI> replicas = addresses.of(service);
            for (int i = 0; i < replicas.size(); i++) {
                URI uri = replicas.get(i);
                boolean secure = "https".equals(uri.getScheme());
                int port = uri.getPort() > 0 ? uri.getPort() : secure ? 443 : 80;
                instances.add(new DefaultServiceInstance(serviceId + "-" + i, serviceId, uri.getHost(), port, secure));
            }
            return instances;
        }).orElse(List.of());
    }

    @Override
    public List<String> getServices() {
        return Arrays.stream(Service.values()).map(Service::key).toList();
    }
}
