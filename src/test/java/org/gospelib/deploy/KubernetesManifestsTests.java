package org.gospelib.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Kubernetes deployment as {@code kubectl kustomize} renders each overlay: every object valid
 * against the API's model, and the deployment whole — what one object names, another provides.
 */
class KubernetesManifestsTests {

    static final Set<String> SERVICES = Set.of("gateway", "content", "identity", "study", "web", "notifications", "worker");

    @Test
    void aFieldTheApiDoesNotHaveFailsTheCheck() {
        String typo = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  selector: {matchLabels: {a: b}}
                  template:
                    metadata: {labels: {a: b}}
                    spec:
                      containers:
                        - name: x
                          image: x
                          readinessProbe: {httpGet: {path: /readyz, port: 80}, periodSecond: 5}
                """;
        assertThatThrownBy(() -> RenderedManifests.parse(typo)).hasMessageContaining("periodSecond");
        assertThatThrownBy(() -> RenderedManifests.parse("apiVersion: v1\nkind: Secret\nmetadata: {name: s}\n"))
                .hasMessageContaining("v1/Secret");
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/staging", "overlays/production"})
    void everyServiceRunsWithProbesLimitsAndALockedDownContainer(String overlay) throws Exception {
        RenderedManifests rendered = RenderedManifests.render(overlay);
        List<Deployment> deployments = rendered.all(Deployment.class);
        assertThat(deployments).extracting(d -> d.getMetadata().getName()).containsExactlyInAnyOrderElementsOf(SERVICES);
        for (Deployment deployment : deployments) {
            String name = deployment.getMetadata().getName();
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            assertThat(deployment.getSpec().getSelector().getMatchLabels())
                    .isEqualTo(Map.of("app.kubernetes.io/name", name));
            assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels()).containsEntry("app.kubernetes.io/name", name);
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name).isTrue();
            Container container = pod.getContainers().getFirst();
            assertThat(container.getImage()).as(name).startsWith("ghcr.io/gospelib/gospelib:");
            assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).as(name).isTrue();
            assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).as(name).isFalse();
            assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
            assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
            assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/livez");
            Set<String> ports = container.getPorts().stream().map(p -> p.getName()).collect(Collectors.toSet());
            assertThat(ports).contains(container.getReadinessProbe().getHttpGet().getPort().getStrVal(),
                    container.getLivenessProbe().getHttpGet().getPort().getStrVal(), "management");
            // the process listens where the container port says, and its role is the one named
            int http = container.getPorts().stream().filter(p -> p.getName().equals("http")).findFirst().orElseThrow()
                    .getContainerPort();
            assertThat(container.getArgs()).contains("--port=" + http, "--management-port=8081");
            if (!name.equals("worker")) assertThat(container.getArgs()).containsSequence("serve", "--services=" + name);
            // memory from the measured budget: limits set, the heap well inside them
            Quantity limit = container.getResources().getLimits().get("memory");
            String heap = env(container, "GOSPELIB_HEAP");
            assertThat(Quantity.getAmountInBytes(limit).longValue())
                    .isGreaterThanOrEqualTo(2 * Quantity.getAmountInBytes(new Quantity(heap.replace("m", "Mi"))).longValue() - (1 << 20));
            assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
            // the read-only root needs somewhere to write: the data directory and /tmp
            assertThat(container.getVolumeMounts()).extracting(m -> m.getMountPath()).contains("/var/lib/gospelib", "/tmp");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/staging", "overlays/production"})
    void whatOneObjectNamesAnotherProvides(String overlay) throws Exception {
        RenderedManifests rendered = RenderedManifests.render(overlay);
        Map<String, Deployment> deployments = rendered.all(Deployment.class).stream()
                .collect(Collectors.toMap(d -> d.getMetadata().getName(), d -> d));
        // every Service selects a Deployment's pods, on ports its container names
        for (Service service : rendered.all(Service.class)) {
            Deployment target = deployments.get(service.getSpec().getSelector().get("app.kubernetes.io/name"));
            assertThat(target).as(service.getMetadata().getName()).isNotNull();
            Set<String> named = target.getSpec().getTemplate().getSpec().getContainers().getFirst().getPorts().stream()
                    .map(p -> p.getName()).collect(Collectors.toSet());
            service.getSpec().getPorts().forEach(p -> assertThat(named).contains(p.getTargetPort().getStrVal()));
        }
        // every service URL the processes are given is a Service and one of its ports
        ConfigMap config = rendered.named(ConfigMap.class, "gospelib").orElseThrow();
        Map<String, String> urls = config.getData().entrySet().stream().filter(e -> e.getKey().startsWith("GOSPELIB_SERVICE_URLS_"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(urls).hasSize(6);
        for (var url : urls.entrySet()) {
            URI uri = URI.create(url.getValue());
            Service service = rendered.named(Service.class, uri.getHost()).orElseThrow(() -> new AssertionError(url));
            assertThat(service.getSpec().getPorts()).anyMatch(p -> p.getPort() == uri.getPort());
            assertThat(url.getKey()).endsWith("_" + uri.getHost().toUpperCase());
        }
        // every secret a container reads is made by an ExternalSecret, key included; no Secret is committed
        Map<String, Set<String>> provided = new HashMap<>();
        for (GenericKubernetesResource external : rendered.custom("ExternalSecret")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> spec = (Map<String, Object>) external.getAdditionalProperties().get("spec");
            @SuppressWarnings("unchecked")
            String target = ((Map<String, String>) spec.get("target")).get("name");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> data = (List<Map<String, Object>>) spec.get("data");
            provided.put(target, data.stream().map(d -> (String) d.get("secretKey")).collect(Collectors.toSet()));
            @SuppressWarnings("unchecked")
            String store = ((Map<String, String>) spec.get("secretStoreRef")).get("name");
            assertThat(rendered.custom("SecretStore")).anyMatch(s -> s.getMetadata().getName().equals(store));
            String environment = overlay.substring(overlay.indexOf('/') + 1);
            data.forEach(d -> assertThat(((Map<?, ?>) d.get("remoteRef")).get("key")).asString()
                    .startsWith("gospelib/" + environment + "/"));
        }
        for (PodSpec pod : pods(rendered)) {
            for (Container c : pod.getContainers()) {
                for (EnvVar env : c.getEnv()) {
                    if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                        var ref = env.getValueFrom().getSecretKeyRef();
                        assertThat(provided.get(ref.getName())).as(env.getName()).contains(ref.getKey());
                    } else {
                        assertThat(env.getName()).doesNotContain("SECRET", "PASSWORD");
                    }
                }
            }
            pod.getVolumes().stream().filter(v -> v.getSecret() != null)
                    .forEach(v -> assertThat(provided).containsKey(v.getSecret().getSecretName()));
        }
        assertThat(config.getData().keySet()).noneMatch(k -> k.contains("SECRET") || k.contains("PASSWORD"));
        // the Ingress sends both hosts to the gateway, with TLS for exactly those hosts
        Ingress ingress = rendered.named(Ingress.class, "gospelib").orElseThrow();
        List<String> hosts = ingress.getSpec().getRules().stream().map(r -> r.getHost()).toList();
        assertThat(hosts).hasSize(2).allMatch(h -> h.endsWith(".example.org"));
        assertThat(ingress.getSpec().getTls().getFirst().getHosts()).containsExactlyInAnyOrderElementsOf(hosts);
        assertThat(ingress.getMetadata().getAnnotations()).containsKey("cert-manager.io/cluster-issuer");
        ingress.getSpec().getRules().forEach(r -> assertThat(r.getHttp().getPaths().getFirst().getBackend().getService().getName())
                .isEqualTo("gateway"));
        // a budget per service, each selecting its pods
        assertThat(rendered.all(PodDisruptionBudget.class)).extracting(p -> p.getSpec().getSelector().getMatchLabels()
                .get("app.kubernetes.io/name")).containsExactlyInAnyOrderElementsOf(SERVICES);
        // ingress closed by default, opened to the gateway from the ingress controller
        List<NetworkPolicy> policies = rendered.all(NetworkPolicy.class);
        assertThat(policies).anyMatch(p -> p.getSpec().getPodSelector().getMatchLabels() == null
                || p.getSpec().getPodSelector().getMatchLabels().isEmpty() && p.getSpec().getIngress().isEmpty());
        assertThat(policies).anyMatch(p -> "gateway".equals(p.getSpec().getPodSelector().getMatchLabels().get("app.kubernetes.io/name")));
    }

    @Test
    void stagingRunsOneOfEachAndProductionScalesGatewayAndContentOnCpu() throws Exception {
        RenderedManifests staging = RenderedManifests.render("overlays/staging");
        RenderedManifests production = RenderedManifests.render("overlays/production");
        assertThat(staging.all(Deployment.class)).allMatch(d -> d.getSpec().getReplicas() == 1);
        assertThat(staging.all(HorizontalPodAutoscaler.class)).isEmpty();
        Map<String, Integer> replicas = production.all(Deployment.class).stream()
                .collect(Collectors.toMap(d -> d.getMetadata().getName(), d -> d.getSpec().getReplicas()));
        assertThat(replicas).containsEntry("gateway", 3).containsEntry("content", 2);
        SERVICES.stream().filter(s -> !s.equals("gateway")).forEach(s -> assertThat(replicas.get(s)).as(s).isEqualTo(2));
        Map<String, HorizontalPodAutoscaler> scalers = production.all(HorizontalPodAutoscaler.class).stream()
                .collect(Collectors.toMap(h -> h.getSpec().getScaleTargetRef().getName(), h -> h));
        assertThat(scalers.keySet()).containsExactlyInAnyOrder("gateway", "content");
        assertThat(scalers.get("gateway").getSpec().getMinReplicas()).isEqualTo(3);
        assertThat(scalers.get("content").getSpec().getMinReplicas()).isEqualTo(2);
        assertThat(scalers.get("gateway").getSpec().getMetrics().getFirst().getResource().getTarget().getAverageUtilization()).isEqualTo(70);
        assertThat(scalers.get("content").getSpec().getMetrics().getFirst().getResource().getTarget().getAverageUtilization()).isEqualTo(60);
        assertThat(staging.named(ConfigMap.class, "gospelib").orElseThrow().getData()).containsEntry("GOSPELIB_ENVIRONMENT", "staging");
        assertThat(production.named(ConfigMap.class, "gospelib").orElseThrow().getData()).containsEntry("GOSPELIB_ENVIRONMENT", "production");
        assertThat(staging.objects()).allMatch(o -> o.getMetadata().getNamespace() == null
                || o.getMetadata().getNamespace().equals("gospelib-staging"));
    }

    @Test
    void migrationRunsBeforeTheServicesAndIngestAfterEveryLevelOfIngestIsAJob() throws Exception {
        RenderedManifests rendered = RenderedManifests.render("overlays/production");
        Job migrate = rendered.named(Job.class, "migrate").orElseThrow();
        Job ingest = rendered.named(Job.class, "ingest-full").orElseThrow();
        CronJob nightly = rendered.named(CronJob.class, "ingest-incremental").orElseThrow();
        assertThat(migrate.getMetadata().getAnnotations()).containsEntry("argocd.argoproj.io/hook", "PreSync")
                .containsEntry("argocd.argoproj.io/hook-delete-policy", "BeforeHookCreation");
        assertThat(ingest.getMetadata().getAnnotations()).containsEntry("argocd.argoproj.io/hook", "PostSync")
                .containsEntry("argocd.argoproj.io/hook-delete-policy", "BeforeHookCreation");
        assertThat(migrate.getSpec().getTemplate().getSpec().getContainers().getFirst().getArgs()).containsExactly("migrate");
        assertThat(ingest.getSpec().getTemplate().getSpec().getContainers().getFirst().getArgs()).containsExactly("ingest", "--full");
        assertThat(nightly.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getContainers().getFirst().getArgs())
                .containsExactly("ingest");
        assertThat(nightly.getSpec().getConcurrencyPolicy()).isEqualTo("Forbid");
        // services only check the schema: the migration Job migrates
        assertThat(rendered.named(ConfigMap.class, "gospelib").orElseThrow().getData())
                .containsEntry("GOSPELIB_DB_MIGRATE_ON_START", "false").containsEntry("GOSPELIB_PUBSUB_CREATE_TOPICS", "false");
        Stream.of(migrate, ingest).forEach(j -> assertThat(j.getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never"));
    }

    static List<PodSpec> pods(RenderedManifests rendered) {
        return Stream.of(rendered.all(Deployment.class).stream().map(d -> d.getSpec().getTemplate().getSpec()),
                rendered.all(Job.class).stream().map(j -> j.getSpec().getTemplate().getSpec()),
                rendered.all(CronJob.class).stream().map(c -> c.getSpec().getJobTemplate().getSpec().getTemplate().getSpec()))
                .flatMap(s -> s).toList();
    }

    static String env(Container container, String name) {
        return container.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name))
                .getValue();
    }
}
