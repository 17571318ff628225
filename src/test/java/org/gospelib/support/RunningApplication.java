package org.gospelib.support;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of tests that talk to the whole application over HTTP: one shared context (see
 * {@link GospelibTest}), and each test starts once the application reports ready.
 */
@GospelibTest
public abstract class RunningApplication {

    @LocalServerPort
    protected int port;
    @LocalManagementPort
    protected int managementPort;
    protected Http http;
    /** Metrics and the actuator, on their own port. */
    protected Http management;

    @BeforeEach
    void awaitReadyApplication() {
        http = new Http(port);
        management = new Http(managementPort);
        http.awaitReady(Duration.ofMinutes(3));
    }
}
