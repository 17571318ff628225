package org.gospelib.platform;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One of GospeLib's services: what a process runs when the topology is split. Each service hosts
 * some modules; a process hosts the services its configuration names ({@code gospelib.services}),
 * all of them when collapsed. The modules every service needs (platform, scripture, jobs' queue
 * client, topics, the audit log) belong to none.
 */
public enum Service {
    /** The edge: token and session checks, rate limits, routing to the other services. */
    GATEWAY(8080, 2, Set.of("gateway")),
    /** The corpus in memory, the graph and search. */
    CONTENT(8100, 4, Set.of("content", "search")),
    /**
     * Accounts, sign-in, tokens and their keys (the seeds' auth service), and, until it runs on its
     * own, billing: the plan it sets is the account's.
     */
    IDENTITY(8200, 6, Set.of("identity", "billing")),
    /**
     * Notes, highlights, bookmarks, reading plans and sync, the study assistant, whose questions
     * and answers are study data (it reads the corpus through content's API), and the files
     * readers keep or share: exports asked for, share cards named.
     */
    STUDY(8600, 6, Set.of("study", "assistant", "files")),
    /** The web reader's pages, and the operators' console (its pages and the audit log's read route). */
    WEB(3000, 2, Set.of("web", "console")),
    /** Email and outbound webhooks: their APIs, and what turns events into deliveries. */
    NOTIFICATIONS(8500, 4, Set.of("webhooks", "notifications")),
    /**
     * Background jobs: email and webhook deliveries, ingest, billing's reconciliation, exports and
     * share cards built; no API but the jobs' own admin routes.
     */
    WORKER(8700, 8, Set.of("webhooks", "notifications", "ingest", "billing", "files"));

    private final int defaultPort;
    private final int connections;
    private final Set<String> modules;

    Service(int defaultPort, int connections, Set<String> modules) {
        this.defaultPort = defaultPort;
        this.connections = connections;
        this.modules = modules;
    }

    /**
     * The database connections one replica of the service may hold (its pool's maximum): sized so
     * that the production replica counts fit PostgreSQL's connection limit with room to spare
     * (the README's table). A worker's job executors have a pool of their own besides.
     */
    public int connections() {
        return connections;
    }

    /** The name used in configuration, {@code content}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The port the service listens on in the split topology unless told otherwise. */
    public int defaultPort() {
        return defaultPort;
    }

    /** The modules (their packages under {@code org.gospelib}) this service runs. */
    public Set<String> modules() {
        return modules;
    }

    public static Optional<Service> fromKey(String key) {
        for (Service service : values()) if (service.key().equals(key.strip().toLowerCase(Locale.ROOT))) return Optional.of(service);
        return Optional.empty();
    }
}
