package org.gospelib;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.gospelib.billing.LocalStripe;
import org.gospelib.deploy.RenderedManifests;
import org.gospelib.support.LocalS3;
import org.gospelib.support.ChildProcess;
import org.gospelib.support.Http;
import org.gospelib.support.LocalRedis;
import org.gospelib.support.OtlpReceiver;
import org.gospelib.support.PubSubEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The staging overlay as a cluster would run it, simulated with local processes: each rendered
 * Deployment and Job becomes a process with the container's arguments and environment (its
 * ConfigMap and Secrets resolved; ports remapped to free local ones, Service names to loopback),
 * on an empty database of its own. The migration Job runs first (a service started before it
 * refuses the old schema), then the full ingest Job, then every Deployment; every probe must
 * pass, and then the whole end-to-end suite runs through the rendered gateway.
 *
 * <p>What the simulation supplies in place of the cluster's: the Secrets' values (a test
 * database, Redis, an internal secret), the Pub/Sub emulator with the topics Terraform would make,
 * data directories for the pods' volumes, and, for the suite, what the test application also
 * relaxes (rate limits, webhooks to loopback) and no sentence embeddings (minutes of CPU).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RenderedClusterTests extends EndToEndSuite {

    /** The topics Terraform makes (deploy/terraform/modules/pubsub); the processes do not (create-topics is off). */
    static final List<String> TOPICS = List.of("gospelib.corpus", "gospelib.study", "gospelib.identity", "gospelib.billing");

    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new HashMap<>();
    private Path dir;
    private PubSubEmulator pubsub;
    private RenderedManifests rendered;
    private Map<String, String> config;
    private Map<String, Map<String, String>> secrets;
    private List<String> overrides;
    private HikariDataSource clusterDatabase;
    /** Stands for the cluster's collector (Alloy's OTLP receiver, named in the ConfigMap). */
    private OtlpReceiver collector;

    @BeforeAll
    void runTheStagingOverlay() throws Exception {
        dir = Files.createTempDirectory("gospelib-rendered-cluster");
        collector = OtlpReceiver.start();
        rendered = RenderedManifests.render("overlays/staging");
        config = rendered.named(ConfigMap.class, "gospelib").orElseThrow().getData();
        pubsub = PubSubEmulator.start(dir.resolve("pubsub-emulator.log"));
        for (String topic : TOPICS) pubsub.createTopic(config.get("GOSPELIB_PUBSUB_PROJECT"), topic);
        assertThat(Files.readString(RenderedManifests.repository().resolve("deploy/terraform/modules/pubsub/main.tf")))
                .contains(TOPICS);
        for (Deployment d : rendered.all(Deployment.class)) ports.put(d.getMetadata().getName(), ChildProcess.freePort());
        secrets = Map.of("gospelib-database", Map.of("url", emptyDatabase(), "username", "postgres", "password", ""),
                "gospelib-internal", Map.of("secret", UUID.randomUUID() + "-" + UUID.randomUUID()),
                "gospelib-redis", Map.of("url", LocalRedis.url()),
                "gospelib-mail", Map.of("resend-api-key", "re_cluster_test", "resend-webhook-secret",
                        "whsec_Y2x1c3RlciB0ZXN0IHdlYmhvb2sgc2VjcmV0"),
                "gospelib-billing", Map.of("stripe-secret-key", LocalStripe.SECRET_KEY, "stripe-webhook-secret",
                        LocalStripe.WEBHOOK_SECRET, "plus-monthly-price", LocalStripe.PLUS_MONTHLY, "plus-yearly-price",
                        LocalStripe.PLUS_YEARLY),
                "gospelib-pubsub", Map.of("credentials.json", "{}"));
        // the files bucket Terraform makes, on a local S3-protocol server (the role's credentials given as keys)
        LocalS3.shared().createBucket(config.get("GOSPELIB_FILES_S3_BUCKET"));
        List<String> s3 = LocalS3.shared().arguments(config.get("GOSPELIB_FILES_S3_BUCKET"));
        overrides = java.util.stream.Stream.concat(s3.stream(), java.util.stream.Stream.of(
                "--gospelib.pubsub.emulator-host=" + pubsub.hostPort(), "--gospelib.search.semantic.enabled=false",
                "--gospelib.rate-limit.anonymous.capacity=1000000", "--gospelib.rate-limit.free.capacity=40",
                "--gospelib.webhooks.allow-http=true", "--gospelib.webhooks.allow-private-targets=true",
                "--gospelib.identity.admin-emails=" + org.gospelib.support.Readers.ADMIN_EMAIL,
                // Stripe's API is the test's local server (the cluster reaches nothing outside loopback)
                "--gospelib.billing.stripe.api-base=http://127.0.0.1:" + LocalStripe.shared().port())).toList();

        // a service of the new release before its migration: it refuses to start on the old schema
        Process early = start("identity-before-migration", container(deployment("identity")), ports.get("identity"));
        assertThat(early.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(early.exitValue()).isNotZero();
        assertThat(Files.readString(dir.resolve("identity-before-migration.log"))).contains("run the migration first");

        clusterDatabase = databaseOf(secrets.get("gospelib-database").get("url"));
        runToCompletion("migrate");
        runToCompletion("ingest-full");
        for (Deployment d : rendered.all(Deployment.class)) {
            String name = d.getMetadata().getName();
            processes.put(name, start(name, container(d), ports.get(name)));
        }
        for (String name : processes.keySet()) {
            ChildProcess.awaitReady(processes.get(name), new Http(ports.get(name)), dir.resolve(name + ".log"), Duration.ofMinutes(5));
        }
    }

    @AfterAll
    void stopTheCluster() throws Exception {
        for (Process p : processes.values()) p.destroy();
        for (Process p : processes.values()) if (!p.waitFor(30, TimeUnit.SECONDS)) p.destroyForcibly();
        if (pubsub != null) pubsub.close();
        if (clusterDatabase != null) clusterDatabase.close();
        if (collector != null) collector.close();
    }

    @Override
    javax.sql.DataSource database() {
        return clusterDatabase;
    }

    @Override
    Http gospelib() {
        return new Http(ports.get("gateway"));
    }

    @Test
    void everyDeploymentAnswersItsProbesAndTheJobsLeftACorpus() {
        for (Deployment d : rendered.all(Deployment.class)) {
            Container c = container(d);
            Http http = new Http(ports.get(d.getMetadata().getName()));
            assertThat(http.get(c.getLivenessProbe().getHttpGet().getPath()).status()).isEqualTo(200);
            assertThat(http.get(c.getReadinessProbe().getHttpGet().getPath()).status()).isEqualTo(200);
        }
        assertThat(gospelib().get("/readyz").body()).contains("\"UP\"");
        assertThat(new JdbcTemplate(clusterDatabase).queryForObject("select count(*) from verse", Long.class)).isGreaterThan(90_000L);
    }

    @Test
    void theServicesSendTheirSpansToTheCollectorTheConfigMapNames() throws Exception {
        String traceId = java.util.HexFormat.of().formatHex(java.security.SecureRandom.getSeed(16));
        assertThat(gospelib().get("/v1/verses/John.3.16", "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").status())
                .isEqualTo(200);
        var spans = collector.awaitTrace(traceId, found -> found.stream().map(OtlpReceiver.ReceivedSpan::service).distinct().count() >= 2,
                Duration.ofSeconds(30));
        assertThat(spans).extracting(OtlpReceiver.ReceivedSpan::service).contains("gospelib-gateway", "gospelib-content");
    }

    private Deployment deployment(String name) {
        return rendered.named(Deployment.class, name).orElseThrow();
    }

    private static Container container(Deployment d) {
        return d.getSpec().getTemplate().getSpec().getContainers().getFirst();
    }

    private void runToCompletion(String job) throws Exception {
        Container c = rendered.named(Job.class, job).orElseThrow().getSpec().getTemplate().getSpec().getContainers().getFirst();
        Process process = start(job, c, 0);
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).as(job).isTrue();
        assertThat(process.exitValue()).as(job + ": see " + dir.resolve(job + ".log")).isZero();
    }

    /** The container as a process: its arguments (ports remapped) and environment, the overrides last. */
    private Process start(String name, Container c, int port) throws IOException {
        List<String> args = new ArrayList<>();
        for (String arg : c.getArgs()) {
            if (arg.startsWith("--port=")) args.add("--port=" + port);
            else if (arg.startsWith("--management-port=")) args.add("--management-port=0");
            else args.add(arg);
        }
        args.addAll(overrides);
        Map<String, String> env = new HashMap<>();
        c.getEnvFrom().forEach(from -> {
            assertThat(from.getConfigMapRef().getName()).isEqualTo("gospelib");
            config.forEach((k, v) -> env.put(k, loopback(v)));
        });
        for (EnvVar e : c.getEnv()) {
            if (e.getValue() != null) env.put(e.getName(), e.getValue());
            else {
                var ref = e.getValueFrom().getSecretKeyRef();
                Map<String, String> secret = secrets.getOrDefault(ref.getName(), Map.of());
                // as Kubernetes does: an optional key of a secret that is not there sets nothing
                if (!secret.containsKey(ref.getKey()) && Boolean.TRUE.equals(ref.getOptional())) continue;
                env.put(e.getName(), secret.get(ref.getKey()));
            }
        }
        env.put("GOSPELIB_DATA_DIR", Files.createDirectories(dir.resolve(name + "-data")).toString());
        // the pod's memory setting decides the heap, as the image's entrypoint does
        List<String> command = new ArrayList<>(ChildProcess.gospelib(args.toArray(String[]::new)).command());
        command.replaceAll(o -> o.startsWith("-Xmx") ? "-Xmx" + env.get("GOSPELIB_HEAP") : o);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    /** A Service's URL ({@code http://content:8100}) as the local process that stands for it. */
    private String loopback(String value) {
        // mail to Resend goes nowhere: the cluster's processes reach nothing outside loopback
        if (value.equals("https://api.resend.com")) return "http://127.0.0.1:9";
        if (!value.startsWith("http://")) return value;
        URI uri = URI.create(value);
        if (uri.getHost().equals("alloy.monitoring")) return collector.endpoint();
        Integer port = ports.get(uri.getHost());
        return port == null ? value : "http://127.0.0.1:" + port;
    }

    /** A new, empty database on the test application's PostgreSQL server. */
    private String emptyDatabase() {
        String name = "cluster_" + UUID.randomUUID().toString().substring(0, 8);
        new JdbcTemplate(dataSource).execute("create database " + name);
        String url = ((HikariDataSource) dataSource).getJdbcUrl();
        return url.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
    }

    private static HikariDataSource databaseOf(String url) {
        HikariDataSource source = new HikariDataSource();
        source.setJdbcUrl(url);
        source.setUsername("postgres");
        source.setMaximumPoolSize(1);
        return source;
    }
}
