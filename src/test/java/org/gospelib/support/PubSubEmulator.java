package org.gospelib.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * Google's Pub/Sub emulator (from the Google Cloud CLI's pubsub-emulator component), started on a
 * free loopback port for a test and stopped after it. Its jar is run directly, so that the process
 * started is the server itself ({@code gcloud beta emulators pubsub start} leaves its Java child
 * running when the wrapper is stopped).
 */
public final class PubSubEmulator implements AutoCloseable {

    private final Process process;
    private final int port;

    private PubSubEmulator(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static PubSubEmulator start(Path logFile) throws IOException, InterruptedException {
        Path jar = emulatorJar();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
                "--host=127.0.0.1", "--port=" + port).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("the Pub/Sub emulator stopped; see " + logFile);
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return new PubSubEmulator(process, port);
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("the Pub/Sub emulator did not listen within 60 s; see " + logFile);
    }

    /** The emulator's jar in the Google Cloud CLI's installation, or a clear failure saying what to install. */
    static Path emulatorJar() throws IOException {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(":")) {
            Path gcloud = Path.of(dir, "gcloud");
            if (!Files.isExecutable(gcloud)) continue;
            Path sdk = gcloud.toRealPath().getParent().getParent();
            Path lib = sdk.resolve("platform/pubsub-emulator/lib");
            if (Files.isDirectory(lib)) {
                try (Stream<Path> jars = Files.list(lib)) {
                    List<Path> found = jars.filter(p -> p.getFileName().toString().matches("cloud-pubsub-emulator-.*-all\\.jar")).toList();
                    if (!found.isEmpty()) return found.getFirst();
                }
            }
        }
        throw new IllegalStateException("the Pub/Sub emulator is not installed: install the Google Cloud CLI and its "
                + "pubsub-emulator component (gcloud components install pubsub-emulator, or the Debian package "
                + "google-cloud-cli-pubsub-emulator)");
    }

    public String hostPort() {
        return "127.0.0.1:" + port;
    }

    /** Makes a topic, as Terraform makes them in a real project (the emulator speaks Pub/Sub's REST API too). */
    public void createTopic(String project, String topic) throws IOException, InterruptedException {
        try (java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient()) {
            var response = client.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://" + hostPort() + "/v1/projects/" + project + "/topics/" + topic))
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json").build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 && response.statusCode() != 409) {
                throw new IOException("could not create topic " + topic + ": " + response.statusCode() + " " + response.body());
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }
}
