package org.gospelib.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Errors reach Sentry through its own wire protocol: a local server stands in for Sentry's ingest
 * (the envelope endpoint a DSN names, {@code POST /api/<project>/envelope/}, with the
 * {@code X-Sentry-Auth} header carrying the DSN's public key), and receives what an ERROR logged
 * anywhere sends — with the exception, the INFO line before it as a breadcrumb and the service tag;
 * an INFO line alone sends nothing, and nothing is sent after the reporting is closed.
 */
class ErrorReportingTest {

    private static final Logger log = LoggerFactory.getLogger(ErrorReportingTest.class);

    private record Received(String path, String auth, String body) {
    }

    @Test
    void anErrorLoggedReachesSentryWithItsExceptionBreadcrumbsAndService() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        HttpServer sentry = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        sentry.createContext("/", exchange -> {
            try (InputStream in = "gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                    ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
                received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("X-Sentry-Auth"),
                        new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
            byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        sentry.start();
        String dsn = "http://0123456789abcdef0123456789abcdef@127.0.0.1:" + sentry.getAddress().getPort() + "/42";
        try {
            ErrorReportingConfiguration.SentryReporting reporting = new ErrorReportingConfiguration.SentryReporting(dsn, "test", "content");
            try {
                log.info("loading the corpus snapshot");
                io.sentry.Sentry.flush(5_000);
                assertThat(received).as("an INFO line alone").isEmpty();
                log.error("the snapshot could not be loaded", new IllegalStateException("checksum mismatch in section 3"));
                io.sentry.Sentry.flush(5_000);
            } finally {
                reporting.close();
            }
            assertThat(received).hasSize(1);
            Received event = received.getFirst();
            assertThat(event.path()).isEqualTo("/api/42/envelope/");
            assertThat(event.auth()).contains("sentry_key=0123456789abcdef0123456789abcdef");
            assertThat(event.body()).contains("\"type\":\"event\"", "the snapshot could not be loaded", "IllegalStateException",
                    "checksum mismatch in section 3", "loading the corpus snapshot", "\"service\":\"content\"", "\"environment\":\"test\"");

            log.error("after the context is closed");
            Thread.sleep(500);
            assertThat(received).as("nothing once closed").hasSize(1);
        } finally {
            sentry.stop(0);
        }
    }
}
