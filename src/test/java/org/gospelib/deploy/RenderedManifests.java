package org.gospelib.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What {@code kubectl kustomize} renders for a directory of {@code deploy/k8s}, each object read
 * into fabric8's model of the Kubernetes API and checked strictly: a field the API does not have
 * (a typo, a field at the wrong level) fails, where Kubernetes's own decoding would drop it or
 * refuse the object. Kinds of operators (External Secrets) are kept as generic resources.
 */
public record RenderedManifests(List<HasMetadata> objects) {

    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.ofEntries(
            Map.entry("v1/ConfigMap", ConfigMap.class), Map.entry("v1/Service", Service.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class), Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("v1/PersistentVolumeClaim", PersistentVolumeClaim.class),
            Map.entry("batch/v1/Job", Job.class), Map.entry("batch/v1/CronJob", CronJob.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class));
    /** Custom resources of the operators the deployment relies on. */
    private static final Set<String> OPERATOR_KINDS = Set.of("external-secrets.io/v1/ExternalSecret",
            "external-secrets.io/v1/SecretStore");

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public static Path repository() {
        return Path.of("").toAbsolutePath();
    }

    /** Renders {@code deploy/k8s/<directory>} with kubectl's kustomize. */
    public static RenderedManifests render(String directory) throws IOException, InterruptedException {
        Path dir = repository().resolve("deploy/k8s").resolve(directory);
        Process kubectl = new ProcessBuilder("kubectl", "kustomize", dir.toString()).redirectErrorStream(false).start();
        byte[] out = kubectl.getInputStream().readAllBytes();
        String err = new String(kubectl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!kubectl.waitFor(60, TimeUnit.SECONDS) || kubectl.exitValue() != 0) {
            throw new IllegalStateException("kubectl kustomize " + dir + " failed: " + err);
        }
        return parse(new String(out, StandardCharsets.UTF_8));
    }

    static RenderedManifests parse(String yaml) throws IOException {
        List<HasMetadata> objects = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)) {
            if (document == null) continue;
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) document;
            String type = map.get("apiVersion") + "/" + map.get("kind");
            String json = JSON.writeValueAsString(map);
            Class<? extends HasMetadata> model = KINDS.get(type);
            if (model != null) {
                HasMetadata object = JSON.readValue(json, model);
                List<String> unknown = new ArrayList<>();
                unknownFields(object, type + " " + object.getMetadata().getName(), unknown, new IdentityHashMap<>());
                if (!unknown.isEmpty()) throw new IllegalArgumentException("fields the Kubernetes API does not have: " + unknown);
                objects.add(object);
            } else if (OPERATOR_KINDS.contains(type)) {
                objects.add(JSON.readValue(json, GenericKubernetesResource.class));
            } else {
                throw new IllegalArgumentException("a kind this deployment should not render: " + type);
            }
        }
        return new RenderedManifests(List.copyOf(objects));
    }

    /** Collects every field that landed in a model object's additional properties. */
    private static void unknownFields(Object value, String path, List<String> unknown, IdentityHashMap<Object, Boolean> seen) {
        if (value == null || seen.put(value, true) != null) return;
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) unknownFields(item, path + "[" + i++ + "]", unknown, seen);
            return;
        }
        if (value instanceof Map<?, ?> entries) {
            for (var e : entries.entrySet()) unknownFields(e.getValue(), path + "." + e.getKey(), unknown, seen);
            return;
        }
        if (!value.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) return;
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) continue;
            try {
                Object field = getter.invoke(value);
                if (getter.getName().equals("getAdditionalProperties")) {
                    if (field instanceof Map<?, ?> extra && !extra.isEmpty()) unknown.add(path + ": " + extra.keySet());
                } else {
                    unknownFields(field, path + "." + getter.getName().substring(3), unknown, seen);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public <T extends HasMetadata> List<T> all(Class<T> kind) {
        return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    public <T extends HasMetadata> Optional<T> named(Class<T> kind, String name) {
        return all(kind).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst();
    }

    List<GenericKubernetesResource> custom(String kind) {
        return all(GenericKubernetesResource.class).stream().filter(r -> r.getKind().equals(kind)).toList();
    }
}
