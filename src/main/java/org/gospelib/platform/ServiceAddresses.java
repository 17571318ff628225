package org.gospelib.platform;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where each service answers when it runs in another process: {@code gospelib.service-urls.<service>},
 * a comma-separated list of base URLs, one per replica ({@code http://content:8100} for a Kubernetes
 * Service, or {@code http://127.0.0.1:8100,http://127.0.0.1:8101} for replicas side by side). A
 * service with none configured is looked for on loopback at its default port.
 */
public record ServiceAddresses(Map<String, String> urls) {

    public ServiceAddresses {
        urls = urls == null ? Map.of() : Map.copyOf(urls);
    }

    /** The replicas of a service, in the configured order; never empty. */
    public List<URI> of(Service service) {
        String configured = urls.getOrDefault(service.key(), "");
        List<URI> replicas = new ArrayList<>();
        for (String url : configured.split(",")) {
            if (url.isBlank()) continue;
            URI uri = URI.create(url.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("gospelib.service-urls." + service.key() + ": not an http(s) URL: " + url);
            }
            replicas.add(uri);
        }
        if (replicas.isEmpty()) replicas.add(URI.create("http://127.0.0.1:" + service.defaultPort()));
        return List.copyOf(replicas);
    }
}
