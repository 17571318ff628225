package org.gospelib.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real Redis server for the tests that need one: {@code GOSPELIB_TEST_REDIS_URL} when it names
 * one, otherwise a {@code redis-server} of the test run's own (installed by {@code ./gospelib test}),
 * started once per test JVM on a free loopback port, with no persistence, and stopped with the JVM.
 * The tests never rely on a Redis the machine happens to run.
 */
public final class LocalRedis {

    private static String url;

    private LocalRedis() {
    }

    /** The server's URL, starting the server on first use. */
    public static synchronized String url() {
        if (url != null) return url;
        String configured = System.getenv("GOSPELIB_TEST_REDIS_URL");
        url = configured != null && !configured.isBlank() ? configured.strip() : start();
        return url;
    }

    private static String start() {
        try {
            int port = ChildProcess.freePort();
            Path dir = Files.createTempDirectory("gospelib-test-redis");
            Path log = dir.resolve("redis.log");
            Process server = new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--dir", dir.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::destroy));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                if (!server.isAlive()) throw new IllegalStateException("redis-server stopped at start; see " + log);
                try (var socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
                    return "redis://127.0.0.1:" + port;
                } catch (IOException notYet) {
                    Thread.sleep(20);
                }
            }
            throw new IllegalStateException("redis-server did not listen within 10 s; see " + log);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start redis-server (./gospelib test installs it): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
