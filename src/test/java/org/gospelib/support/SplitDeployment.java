package org.gospelib.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * GospeLib split into its services, each a process of its own on loopback, as a deployment runs
 * them: two content replicas, identity, study, web, notifications, a worker and the gateway in
 * front, sharing one PostgreSQL and Google's Pub/Sub emulator, started with the launcher's JVM
 * settings. Killed (all of it) on close.
 */
public final class SplitDeployment implements AutoCloseable {

    private final Path dir;
    private final PubSubEmulator emulator;
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, List<String>> commands = new LinkedHashMap<>();

    private SplitDeployment(Path dir, PubSubEmulator emulator) {
        this.dir = dir;
        this.emulator = emulator;
    }

    /**
     * Starts every service and waits until each reports ready.
     *
     * @param jdbcUrl  the database (its corpus already ingested)
     * @param settings more {@code --key=value} settings for every process
     */
    public static SplitDeployment start(String jdbcUrl, String... settings) throws IOException, InterruptedException {
        return start(jdbcUrl, Map.of(), settings);
    }

    /**
     * As {@link #start(String, String...)}, with some processes reaching the database at another
     * address (through a {@link TcpRelay}, say).
     */
    public static SplitDeployment start(String jdbcUrl, Map<String, String> jdbcUrlOf, String... settings)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("gospelib-split");
        SplitDeployment split = new SplitDeployment(dir, PubSubEmulator.start(dir.resolve("pubsub-emulator.log")));
        try {
            split.launch(jdbcUrl, jdbcUrlOf, List.of(settings));
            return split;
        } catch (IOException | InterruptedException | RuntimeException e) {
            split.close();
            throw e;
        }
    }

    private void launch(String jdbcUrl, Map<String, String> jdbcUrlOf, List<String> settings) throws IOException, InterruptedException {
        String[][] layout = {{"content-a", "content"}, {"content-b", "content"}, {"identity", "identity"}, {"study", "study"},
                {"web", "web"}, {"notifications", "notifications"}, {"worker", "worker"}, {"gateway", "gateway"}};
        for (String[] process : layout) ports.put(process[0], ChildProcess.freePort());
        String secret = UUID.randomUUID() + "-" + UUID.randomUUID();
        List<String> common = new ArrayList<>(List.of("--gospelib.internal.secret=" + secret,
                "--gospelib.pubsub.enabled=true", "--gospelib.pubsub.emulator-host=" + emulator.hostPort(),
                "--gospelib.pubsub.project=gospelib-split", "--gospelib.ingest.on-start=never",
                "--gospelib.service-urls.content=" + url("content-a") + "," + url("content-b"),
                "--gospelib.service-urls.identity=" + url("identity"), "--gospelib.service-urls.study=" + url("study"),
                "--gospelib.service-urls.web=" + url("web"), "--gospelib.service-urls.notifications=" + url("notifications"),
                "--gospelib.service-urls.worker=" + url("worker"),
                // the content replicas build lexical indexes only: embedding the corpus twice more takes minutes
                "--gospelib.search.semantic.enabled=false",
                // the operators' account of the tests, as an operator names theirs
                "--gospelib.identity.admin-emails=" + Readers.ADMIN_EMAIL));
        // the study service and the workers share generated files through an S3 bucket, as in a cluster
        String bucket = "gospelib-split-" + java.util.UUID.randomUUID();
        LocalS3.shared().createBucket(bucket);
        common.addAll(LocalS3.shared().arguments(bucket));
        common.addAll(settings);
        for (String[] process : layout) {
            List<String> command = new ArrayList<>(List.of("serve", "--services=" + process[1], "--port=" + ports.get(process[0]),
                    "--management-port=0", "--data-dir=" + dir.resolve(process[0]),
                    "--gospelib.db.url=" + jdbcUrlOf.getOrDefault(process[0], jdbcUrl)));
            command.addAll(common);
            commands.put(process[0], command);
            start(process[0]);
        }
        for (String name : processes.keySet()) awaitReady(name);
    }

    /** Starts (or starts again) one process of the deployment. */
    public void start(String name) throws IOException {
        Path log = dir.resolve(name + ".log");
        Process process = ChildProcess.gospelib(commands.get(name).toArray(String[]::new)).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        processes.put(name, process);
    }

    /** Waits until a process answers {@code /readyz} with 200. */
    public void awaitReady(String name) throws InterruptedException {
        ChildProcess.awaitReady(processes.get(name), new Http(ports.get(name)), dir.resolve(name + ".log"), Duration.ofMinutes(5));
    }

    /** SIGKILL, as a node lost or an OOM kill does. */
    public void kill(String name) throws InterruptedException {
        Process process = processes.get(name);
        process.destroyForcibly();
        process.waitFor();
    }

    public int port(String name) {
        return ports.get(name);
    }

    public Http gateway() {
        return new Http(ports.get("gateway"));
    }

    /** A process's data directory (its mailbox folder is {@code mailbox} in it). */
    public Path dataDir(String name) {
        return dir.resolve(name);
    }

    public Path log(String name) {
        return dir.resolve(name + ".log");
    }

    private String url(String name) {
        return "http://127.0.0.1:" + ports.get(name);
    }

    @Override
    public String toString() {
        return ports.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(" ")) + " in " + dir;
    }

    @Override
    public void close() throws InterruptedException {
        for (Process process : processes.values()) process.destroy();
        for (Process process : processes.values()) {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        }
        emulator.close();
    }
}
