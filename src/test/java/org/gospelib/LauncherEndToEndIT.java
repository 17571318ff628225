package org.gospelib;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.gospelib.support.ChildProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a new user does: the launcher, as shipped and with no settings, on an empty data directory
 * (so a new embedded PostgreSQL, the whole ingest, every embedding computed and every index
 * built), until meaning-based search answers. Run after the jar is packaged, by Maven's
 * integration-test phase. The process must stay up all along, never run out of memory, and keep
 * its resident set within the budget of a first start.
 */
class LauncherEndToEndIT {

    private static final long FIRST_START_RSS_BUDGET = 1L << 30; // 1 GiB
    private static final Duration PATIENCE = Duration.ofMinutes(20);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Process launcher;

    @Test
    void aFreshStartAsShippedReachesSemanticSearch() throws Exception {
        Path data = Path.of("target/launcher-it-data").toAbsolutePath();
        deleteTree(data);
        Path log = Path.of("target/launcher-it.log").toAbsolutePath();
        int port = ChildProcess.freePort();
        ProcessBuilder builder = new ProcessBuilder("./gospelib").redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("GOSPELIB_") || k.startsWith("SPRING_"));
        builder.environment().put("GOSPELIB_DATA_DIR", data.toString());
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        // metrics on a port of their own, free: 8081 may be taken by a GospeLib already running here
        builder.environment().put("MANAGEMENT_SERVER_PORT", "0");
        launcher = builder.start();

        String query = "/v1/search?mode=semantic&translation=WEB&limit=10&q="
                + URLEncoder.encode("God's love for the whole world", StandardCharsets.UTF_8);
        long peakRss = 0;
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        JsonNode answer = null;
        while (System.nanoTime() < deadline) {
            assertThat(launcher.isAlive()).as("the launcher's process is running (see %s)", log).isTrue();
            peakRss = Math.max(peakRss, residentBytes(launcher.toHandle()).orElse(0L));
            Optional<HttpResponse<String>> response = get(port, query);
            if (response.isPresent() && response.get().statusCode() == 200) {
                answer = JSON.readTree(response.get().body());
                break;
            }
            response.ifPresent(r -> assertThat(r.statusCode()).as("while indexing: %s", r.body()).isEqualTo(503));
            Thread.sleep(500);
        }
        assertThat(answer).as("semantic search answered within %s (see %s)", PATIENCE, log).isNotNull();
        assertThat(answer.path("hits").valueStream().map(h -> h.path("osis").asString()))
                .as("hits for 'God's love for the whole world'").contains("John.3.16");
        assertThat(get(port, "/readyz").map(HttpResponse::statusCode)).contains(200);
        assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError");
        assertThat(peakRss).as("peak resident set of the first start").isPositive().isLessThanOrEqualTo(FIRST_START_RSS_BUDGET);
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (launcher == null) return;
        launcher.destroy(); // the launcher execs java: this is a SIGTERM to GospeLib itself
        if (!launcher.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) launcher.destroyForcibly().waitFor();
    }

    private static Optional<HttpResponse<String>> get(int port, String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(30)).build();
            return Optional.of(HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty(); // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The resident set of the process (the launcher execs java, so it is GospeLib's), from /proc. */
    private static Optional<Long> residentBytes(ProcessHandle process) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            return lines.filter(l -> l.startsWith("VmRSS:")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) return;
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
