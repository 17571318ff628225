package org.gospelib;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gospelib.support.ChildProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OCI image, built as {@code ./gospelib image} builds it (buildah, bases from Debian's
 * packages) and run as a container engine would run it: its entrypoint, as its own user, with no
 * arguments but a port, until {@code /readyz} answers and a passage is read. Run in Maven's
 * integration-test phase, after the jar is packaged.
 */
class ImageIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String container;
    private Process running;

    @Test
    void theImageBuildsAndItsEntrypointServes() throws Exception {
        Path log = Path.of("target/image-it.log").toAbsolutePath();
        Process build = new ProcessBuilder("scripts/image.sh").redirectError(log.toFile()).start();
        String out = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(build.waitFor(30, TimeUnit.MINUTES)).isTrue();
        assertThat(build.exitValue()).as("the image build (see %s and target/image/build.log)", log).isZero();
        String tag = out.lines().reduce((a, b) -> b).orElseThrow();
        String head = run("git", "rev-parse", "HEAD").strip();
        assertThat(tag).startsWith("gospelib:" + head.substring(0, 12));

        JsonNode config = JsonMapper.shared().readTree(run("buildah", "inspect", "--type", "image", tag)).path("OCIv1").path("config");
        assertThat(config.path("User").asString()).isEqualTo("10001:10001");
        assertThat(config.path("Entrypoint").get(0).asString()).isEqualTo("/opt/gospelib/bin/gospelib");
        assertThat(config.path("Labels").path("org.opencontainers.image.revision").asString()).startsWith(head);
        assertThat(config.path("Volumes").has("/var/lib/gospelib")).isTrue();

        container = run("buildah", "from", "--quiet", tag).strip();
        int port = ChildProcess.freePort();
        Path runLog = Path.of("target/image-it-run.log").toAbsolutePath();
        running = new ProcessBuilder("buildah", "run", "--isolation", "chroot", container, "--", "/opt/gospelib/bin/gospelib",
                "serve", "--port=" + port, "--management-port=0", "--gospelib.search.semantic.enabled=false")
                .redirectErrorStream(true).redirectOutput(runLog.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        int status = 0;
        while (System.nanoTime() < deadline && status != 200) {
            assertThat(running.isAlive()).as("the container's process is running (see %s)", runLog).isTrue();
            status = status(port, "/readyz");
            if (status != 200) Thread.sleep(500);
        }
        assertThat(status).as("ready within 10 minutes (see %s)", runLog).isEqualTo(200);
        HttpResponse<String> passage = get(port, "/v1/passages?ref=John+3:16");
        assertThat(passage.statusCode()).isEqualTo(200);
        assertThat(passage.body()).contains("For God so loved the world");
        // the JVM inside is the image's own jlinked runtime, with the class cache trained at build time
        assertThat(Files.readString(runLog)).contains("Starting GospelibApplication").doesNotContain("AOTCache", "ERROR");
    }

    @AfterEach
    void removeTheContainer() throws Exception {
        if (running != null) {
            running.toHandle().descendants().forEach(ProcessHandle::destroy);
            running.destroy();
            running.waitFor(30, TimeUnit.SECONDS);
        }
        if (container != null) run("buildah", "rm", container);
    }

    /** The answer's status, 0 while nothing listens. */
    private static int status(int port, String path) throws InterruptedException {
        try {
            return get(port, path).statusCode();
        } catch (IOException notListening) {
            return 0;
        }
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) throw new IOException(String.join(" ", command) + ": " + out);
        return out;
    }
}
