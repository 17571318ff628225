package org.gospelib.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.json.JsonMapper;

/**
 * The deployment files other than the Kubernetes manifests: the compose file against the Compose
 * Specification's schema, Terraform formatted and its modules wired consistently (no provider can
 * be downloaded here, so {@code terraform validate} cannot run), the workflows through actionlint,
 * ArgoCD's Applications pointing at the overlays.
 */
class DeploymentFilesTests {

    static final Path ROOT = RenderedManifests.repository();

    @Test
    void theComposeFileIsValidAndItsServicesWait() throws Exception {
        Path schemaFile = ROOT.resolve("target/compose-spec/compose_spec.json");
        assertThat(schemaFile).as("installed by ./gospelib test from Debian's docker-compose package").exists();
        // the schema labels its parts with draft 4's "id" (names, not locations), which draft 2019-09,
        // its declared dialect, does not know: they are dropped, the constraints kept
        tools.jackson.databind.JsonNode tree = JsonMapper.shared().readTree(Files.readString(schemaFile));
        dropIds(tree);
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09)
                .getSchema(JsonMapper.shared().writeValueAsString(tree), InputFormat.JSON);
        Map<String, Object> compose = yaml(ROOT.resolve("deploy/compose/compose.yaml"));
        String json = JsonMapper.shared().writeValueAsString(compose);
        List<Error> errors = schema.validate(json, InputFormat.JSON);
        assertThat(errors).isEmpty();
        // the same check refuses what the specification does not allow
        assertThat(schema.validate(json.replace("\"healthcheck\":{", "\"healthcheck\":{\"intervall\":\"5s\","), InputFormat.JSON))
                .isNotEmpty();

        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        assertThat(services).containsKeys("postgres", "redis", "pubsub", "s3", "migrate", "ingest", "gateway", "content",
                "identity", "study", "web", "notifications", "worker");
        Map<String, Integer> portOf = new HashMap<>();
        for (var service : services.entrySet()) {
            Map<String, Object> s = service.getValue();
            @SuppressWarnings("unchecked")
            List<String> command = (List<String>) s.getOrDefault("command", List.of());
            command.stream().filter(a -> a.startsWith("--port=")).findFirst()
                    .ifPresent(p -> portOf.put(service.getKey(), Integer.parseInt(p.substring(7))));
            if (!List.of("migrate", "ingest").contains(service.getKey())) {
                assertThat(s).as(service.getKey() + " has a health check").containsKey("healthcheck");
            }
            if (s.get("depends_on") instanceof Map<?, ?> dependsOn) {
                assertThat(services.keySet()).containsAll(dependsOn.keySet().stream().map(String::valueOf).toList());
            }
        }
        // each GospeLib service checks its own port, and the others find it where the environment says
        @SuppressWarnings("unchecked")
        Map<String, Object> environment = (Map<String, Object>) services.get("gateway").get("environment");
        for (var port : portOf.entrySet()) {
            @SuppressWarnings("unchecked")
            List<String> check = (List<String>) ((Map<String, Object>) services.get(port.getKey()).get("healthcheck")).get("test");
            assertThat(check).contains(String.valueOf(port.getValue()));
            Object url = environment.get("GOSPELIB_SERVICE_URLS_" + port.getKey().toUpperCase());
            if (!port.getKey().equals("gateway")) {
                assertThat(url).as(port.getKey()).isEqualTo("http://" + port.getKey() + ":" + port.getValue());
            }
        }
    }

    @Test
    void terraformIsFormattedAndEveryModuleGetsExactlyWhatItDeclares() throws Exception {
        Path terraform = ROOT.resolve("deploy/terraform");
        Process fmt = new ProcessBuilder("terraform", "fmt", "-check", "-recursive", "-diff", terraform.toString())
                .redirectErrorStream(true).start();
        String out = new String(fmt.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(fmt.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(fmt.exitValue()).as(out).isZero();

        List<Path> files;
        try (Stream<Path> walk = Files.walk(terraform)) {
            files = walk.filter(p -> p.toString().endsWith(".tf")).toList();
        }
        int checked = 0;
        for (Path file : files) {
            for (ModuleCall call : moduleCalls(Files.readString(file))) {
                if (!call.source().startsWith(".")) continue;
                Path module = file.getParent().resolve(call.source()).normalize();
                assertThat(module).as(file + ": module " + call.name()).isDirectory();
                Variables declared = variables(module);
                assertThat(declared.all()).as(file + ": module " + call.name() + " is given only what it declares")
                        .containsAll(call.arguments());
                assertThat(call.arguments()).as(file + ": module " + call.name() + " is given every required variable")
                        .containsAll(declared.required());
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(12);
        for (String module : List.of("network", "eks", "rds", "elasticache", "s3", "ecr", "cloudfront", "route53", "secrets",
                "pubsub")) {
            assertThat(terraform.resolve("modules").resolve(module).resolve("main.tf")).exists();
        }
        for (String environment : List.of("staging", "production")) {
            assertThat(Files.readString(terraform.resolve("envs").resolve(environment).resolve("main.tf")))
                    .contains("environment               = \"" + environment + "\"", "backend \"s3\"");
        }
    }

    @Test
    void workflowsPassActionlint() throws Exception {
        List<String> command = new ArrayList<>(List.of("node", "scripts/lint-workflows.mjs"));
        try (Stream<Path> workflows = Files.list(ROOT.resolve(".github/workflows"))) {
            workflows.map(p -> ROOT.relativize(p).toString()).sorted().forEach(command::add);
        }
        assertThat(command).contains(".github/workflows/test.yml", ".github/workflows/image.yml", ".github/workflows/release.yml");
        assertThat(lint(command)).isEmpty();
        // the linter does find problems: an expression naming a context that does not exist
        Path broken = Files.createTempFile("workflow", ".yml");
        Files.writeString(broken, "on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.shaa }}\n");
        assertThat(lint(List.of("node", "scripts/lint-workflows.mjs", broken.toString()))).anyMatch(l -> l.contains("shaa"));
        // production waits for its environment's approval; images are tagged by commit
        assertThat(Files.readString(ROOT.resolve(".github/workflows/release.yml"))).contains("environment: production", "v*.*.*");
        assertThat(Files.readString(ROOT.resolve(".github/workflows/image.yml"))).contains("${{ github.sha }}");
    }

    @Test
    void argoCdFollowsMainForStagingAndReleaseTagsForProduction() throws Exception {
        Map<String, Object> staging = yaml(ROOT.resolve("deploy/argocd/staging.yaml"));
        Map<String, Object> production = yaml(ROOT.resolve("deploy/argocd/production.yaml"));
        for (Map<String, Object> app : List.of(staging, production)) {
            assertThat(app).containsEntry("apiVersion", "argoproj.io/v1alpha1").containsEntry("kind", "Application");
            assertThat(ROOT.resolve(String.valueOf(path(app, "spec", "source", "path")))).isDirectory();
        }
        assertThat(path(staging, "spec", "source", "targetRevision")).isEqualTo("main");
        assertThat(path(staging, "spec", "syncPolicy", "automated")).isNotNull();
        assertThat(String.valueOf(path(production, "spec", "source", "targetRevision"))).matches("v\\d+\\.\\d+\\.\\d+");
        assertThat(path(production, "spec", "syncPolicy", "automated")).isNull();
    }

    private static List<String> lint(List<String> command) throws IOException, InterruptedException {
        Process node = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(120, TimeUnit.SECONDS)).isTrue();
        List<String> problems = out.lines().filter(l -> !l.isBlank()).toList();
        assertThat(node.exitValue()).as(out).isEqualTo(problems.isEmpty() ? 0 : 1);
        return problems;
    }

    private static void dropIds(tools.jackson.databind.JsonNode node) {
        if (node instanceof tools.jackson.databind.node.ObjectNode object && object.path("id").isString()) object.remove("id");
        for (tools.jackson.databind.JsonNode child : node) dropIds(child);
    }

    static Map<String, Object> yaml(Path file) throws IOException {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
    }

    private static Object path(Map<String, Object> map, String... keys) {
        Object at = map;
        for (String key : keys) at = at instanceof Map<?, ?> m ? m.get(key) : null;
        return at;
    }

    record ModuleCall(String name, String source, Set<String> arguments) {
    }

    record Variables(Set<String> all, Set<String> required) {
    }

    private static final Pattern MODULE = Pattern.compile("(?m)^module \"([^\"]+)\" \\{\\n((?:  .*\\n|\\n)*?)\\}");
    private static final Pattern ARGUMENT = Pattern.compile("(?m)^  ([a-z_]+)\\s+=");
    private static final Pattern VARIABLE = Pattern.compile("(?m)^variable \"([^\"]+)\" \\{(.*?)\\}$|^variable \"([^\"]+)\" \\{\\n((?:  .*\\n)*?)\\}",
            Pattern.MULTILINE);

    /** Top-level module blocks as {@code terraform fmt} lays them out: their arguments at two spaces. */
    static List<ModuleCall> moduleCalls(String hcl) {
        List<ModuleCall> calls = new ArrayList<>();
        Matcher m = MODULE.matcher(hcl);
        while (m.find()) {
            Set<String> arguments = new HashSet<>();
            String source = "";
            Matcher a = ARGUMENT.matcher(m.group(2));
            while (a.find()) arguments.add(a.group(1));
            Matcher s = Pattern.compile("(?m)^  source\\s+=\\s+\"([^\"]+)\"").matcher(m.group(2));
            if (s.find()) source = s.group(1);
            arguments.removeAll(Set.of("source", "version", "providers", "count", "for_each", "depends_on"));
            calls.add(new ModuleCall(m.group(1), source, arguments));
        }
        return calls;
    }

    static Variables variables(Path module) throws IOException {
        Set<String> all = new HashSet<>();
        Set<String> required = new HashSet<>();
        try (Stream<Path> files = Files.list(module)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".tf")).toList()) {
                Matcher v = VARIABLE.matcher(Files.readString(file));
                while (v.find()) {
                    String name = v.group(1) != null ? v.group(1) : v.group(3);
                    String body = v.group(1) != null ? v.group(2) : v.group(4);
                    all.add(name);
                    if (!body.contains("default")) required.add(name);
                }
            }
        }
        return new Variables(all, required);
    }
}
