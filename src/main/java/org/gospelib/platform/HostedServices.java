package org.gospelib.platform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The services this process runs, from {@code gospelib.services} ({@code GOSPELIB_SERVICES}): a
 * comma-separated list of {@link Service} keys, or {@code all} (the default: the collapsed topology).
 */
public record HostedServices(Set<Service> services) {

    /** The property naming the services. */
    public static final String PROPERTY = "gospelib.services";
    private static final String BASE_PACKAGE = "org.gospelib.";

    public HostedServices {
        if (services.isEmpty()) throw new IllegalArgumentException("a process runs at least one service");
        services = Set.copyOf(services);
    }

    public static HostedServices all() {
        return new HostedServices(EnumSet.allOf(Service.class));
    }

    /**
     * Reads a configured list.
     *
     * @throws IllegalArgumentException naming what is wrong and what is allowed
     */
    public static HostedServices parse(String value) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty() || text.equalsIgnoreCase("all")) return all();
        Set<Service> chosen = EnumSet.noneOf(Service.class);
        List<String> unknown = new ArrayList<>();
        for (String key : text.split(",")) {
            if (key.isBlank()) continue;
            if (key.strip().equalsIgnoreCase("all")) return all();
            Service.fromKey(key).ifPresentOrElse(chosen::add, () -> unknown.add(key.strip()));
        }
        if (!unknown.isEmpty() || chosen.isEmpty()) {
            throw new IllegalArgumentException(PROPERTY + "=" + value + ": unknown service " + unknown + "; choose from all or "
                    + Arrays.stream(Service.values()).map(Service::key).collect(Collectors.joining(", ")));
        }
        return new HostedServices(chosen);
    }

    public boolean hosts(Service service) {
        return services.contains(service);
    }

    /** A worker alone: jobs, the probes and the queue's admin routes, no API of its own. */
    public boolean workerOnly() {
        return services.equals(Set.of(Service.WORKER));
    }

    /** Every service in this one process: no other process is needed. */
    public boolean collapsed() {
        return services.size() == Service.values().length;
    }

    /**
     * Whether the module (its package under {@code org.gospelib}) runs here. Modules no service
     * claims (platform, scripture, jobs, topics, audit) run everywhere.
     */
    public boolean hostsModule(String module) {
        boolean claimed = false;
        for (Service service : Service.values()) {
            if (!service.modules().contains(module)) continue;
            if (services.contains(service)) return true;
            claimed = true;
        }
        return !claimed;
    }

    /**
     * The module a class belongs to, from its qualified name ({@code org.gospelib.<module>.…}; a
     * listener id, which starts with its class's name, works too); empty outside any module.
     */
    public static Optional<String> moduleOf(String qualifiedName) {
        if (!qualifiedName.startsWith(BASE_PACKAGE)) return Optional.empty();
        int dot = qualifiedName.indexOf('.', BASE_PACKAGE.length());
        return dot > BASE_PACKAGE.length() ? Optional.of(qualifiedName.substring(BASE_PACKAGE.length(), dot)) : Optional.empty();
    }

    /** Whether the code of this class (or listener) runs here: its module's, or, outside any module, only when collapsed. */
    public boolean hostsCodeOf(String qualifiedName) {
        return moduleOf(qualifiedName).map(this::hostsModule).orElse(collapsed());
    }

    /**
     * Whether the process needs the database to answer at all. Content answers from the corpus in
     * memory, the web pages from content, the gateway from identity's keys: a short database outage
     * need not take them out of service, so their readiness leaves the database out.
     */
    public boolean answersFromTheDatabase() {
        return services.stream().anyMatch(s -> s != Service.CONTENT && s != Service.WEB && s != Service.GATEWAY);
    }

    /** The pool a process of these services needs: what one process runs collapsed, else the sum of its services' budgets. */
    public int connections() {
        if (collapsed()) return COLLAPSED_CONNECTIONS;
        return Math.min(COLLAPSED_CONNECTIONS, services.stream().mapToInt(Service::connections).sum());
    }

    /** The collapsed process's pool: one process, every service, few concurrent writers. */
    static final int COLLAPSED_CONNECTIONS = 10;

    /**
     * How metrics, traces and logs name this process: {@code collapsed} for every service in one
     * process, else its services' keys joined by {@code +} (one key in a split deployment).
     */
    public String label() {
        return collapsed() ? "collapsed" : services.stream().map(Service::key).sorted().collect(Collectors.joining("+"));
    }

    @Override
    public String toString() {
        return collapsed() ? "all" : services.stream().map(Service::key).sorted().collect(Collectors.joining(","));
    }
}
