package org.gospelib.platform;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where each service answers when it runs in another process: {@code gospelib.service-urls.<service>},
 * a comma-separated list of base URLs, one per replica ({@code http://content:8100} for a Kubernetes
 * Service, or {@code http://127.0.0.1:8100,http://127.0.0.1:8101} for replicas side by side). A
 * service with none configured is looked for on loopback at its default port. Read once: the
 * gateway and the clients ask on every request.
 */
public final class ServiceAddresses {

    private final Map<Service, List<URI>> replicas = new EnumMap<>(Service.class);

    /**
     * @param urls the configured lists by service key
     * @throws IllegalArgumentException naming a URL that is not http(s)
     */
    public ServiceAddresses(Map<String, String> urls) {
        for (Service service : Service.values()) replicas.put(service, parse(service, urls.getOrDefault(service.key(), "")));
    }

    /** The replicas of a service, in the configured order; never empty. */
    public List<URI> of(Service service) {
        return replicas.get(service);
    }

    private static List<URI> parse(Service service, String configured) {
        List<URI> list = new ArrayList<>();
        for (String url : configured.split(",")) {
            if (url.isBlank()) continue;
            URI uri = URI.create(url.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("gospelib.service-urls." + service.key() + ": not an http(s) URL: " + url);
            }
            list.add(uri);
        }
        if (list.isEmpty()) list.add(URI.create("http://127.0.0.1:" + service.defaultPort()));
        return List.copyOf(list);
    }
}
