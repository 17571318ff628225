package org.gospelib.platform;

import org.apache.hc.core5.util.TimeValue;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;

/**
 * The one HTTP client the processes of a split deployment call each other with — the gateway's
 * proxy and the services' typed clients alike: Apache HttpClient with a pool of kept-alive
 * connections per replica, large enough for the process's concurrency (the JDK's
 * {@code HttpURLConnection} keeps five per host, so under load most calls opened a new
 * connection; the JDK's {@code HttpClient} cost the gateway twice the CPU: docs/performance.md,
 * "Split"). Each caller sets its own timeouts.
 */
public final class PooledHttpClients {

    /** Connections kept open to each replica: above any concurrency two cores serve. */
    public static final int CONNECTIONS_PER_REPLICA = 256;

    private PooledHttpClients() {
    }

    public static ClientHttpRequestFactoryBuilder<?> builder() {
        return ClientHttpRequestFactoryBuilder.httpComponents()
                .withConnectionManagerCustomizer(
                        pool -> pool.setMaxConnPerRoute(CONNECTIONS_PER_REPLICA).setMaxConnTotal(4 * CONNECTIONS_PER_REPLICA))
                // a kept-alive connection idle for a second is checked before use, and one idle for
                // 10 s is closed, well before a service's server closes it (Tomcat: 60 s), so a
                // write is never sent down a connection the service has just dropped
                .withConnectionConfigCustomizer(connection -> connection.setValidateAfterInactivity(TimeValue.ofSeconds(1)))
                // bodies pass through as the service sent them (no gzip asked for behind the
                // caller's back and inflated again here), and retries are the caller's, not the client's
                .withHttpClientCustomizer(client -> client.disableContentCompression().disableAutomaticRetries()
                        .evictIdleConnections(TimeValue.ofSeconds(10)));
    }
}
