package org.gospelib.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

/**
 * The observability files (deploy/observability) without the application: the rule files through
 * promtool's checks and unit tests, every dashboard query parsed as PromQL, and what the files
 * assume of the rest of the repository (the SLO buckets' spelling, the containers' names).
 * {@link ObservedMetricsTests} holds the metric names against a running application.
 */
class ObservabilityFilesTests {

    @Test
    void theRuleFilesPassPromtoolsCheck() {
        List<String> args = new ArrayList<>(List.of("check", "rules", "--lint=all", "--lint-fatal"));
        PromQl.RULE_FILES.forEach(file -> args.add(PromQl.ROOT.relativize(file).toString()));
        PromQl.Result check = PromQl.promtool(null, args.toArray(String[]::new));
        assertThat(check.exit()).as(check.output()).isZero();
        assertThat(check.output().split("SUCCESS", -1)).as(check.output()).hasSize(PromQl.RULE_FILES.size() + 1);
    }

    @Test
    void theRuleUnitTestsPass() throws IOException {
        List<Path> tests = ruleTests();
        assertThat(tests).extracting(p -> p.getFileName().toString())
                .contains("slo-availability.yaml", "slo-latency.yaml", "journeys.yaml", "scaling.yaml", "background-work.yaml");
        List<String> args = new ArrayList<>(List.of("test", "rules"));
        tests.forEach(file -> args.add(PromQl.ROOT.relativize(file).toString()));
        PromQl.Result run = PromQl.promtool(null, args.toArray(String[]::new));
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).doesNotContain("FAILED");
    }

    /** Each alert is seen firing in some test case, and kept quiet in another. */
    @Test
    @SuppressWarnings("unchecked")
    void everyAlertIsTestedFiringAndQuiet() throws IOException {
        Set<String> alerts = new TreeSet<>();
        for (Map<String, Object> rule : PromQl.rules(PromQl.RULES_DIR.resolve("alerts.yaml"))) {
            if (rule.containsKey("alert")) alerts.add(String.valueOf(rule.get("alert")));
        }
        assertThat(alerts).isNotEmpty();
        Set<String> firing = new TreeSet<>();
        Set<String> quiet = new TreeSet<>();
        for (Path file : ruleTests()) {
            for (Map<String, Object> test : (List<Map<String, Object>>) PromQl.yaml(file).get("tests")) {
                for (Map<String, Object> check : (List<Map<String, Object>>) test.getOrDefault("alert_rule_test", List.of())) {
                    List<?> expected = (List<?>) check.get("exp_alerts");
                    (expected == null || expected.isEmpty() ? quiet : firing).add(String.valueOf(check.get("alertname")));
                }
            }
        }
        assertThat(firing).as("alerts tested firing").containsExactlyElementsOf(alerts);
        assertThat(quiet).as("alerts tested quiet").containsExactlyElementsOf(alerts);
    }

    /** Each panel's queries, written as recording rules, must parse: promtool checks them. */
    @Test
    void everyDashboardQueryIsPromQl(@TempDir Path dir) throws IOException {
        List<PromQl.Query> queries = PromQl.dashboardQueries();
        assertThat(queries).hasSizeGreaterThan(50);
        List<Map<String, Object>> rules = new ArrayList<>();
        StringBuilder legend = new StringBuilder();
        for (int i = 0; i < queries.size(); i++) {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("record", "dashboard:query_" + i + ":check");
            rule.put("expr", queries.get(i).expr());
            rules.add(rule);
            legend.append("\ndashboard:query_").append(i).append(":check = ").append(queries.get(i).where());
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        Path file = dir.resolve("dashboard-queries.yaml");
        Files.writeString(file, new Yaml(options).dump(Map.of("groups", List.of(Map.of("name", "dashboards", "rules", rules)))));

        PromQl.Result check = PromQl.promtool(null, "check", "rules", file.toString());
        assertThat(check.exit()).as(check.output() + "\nwhich is:" + legend).isZero();

        // and the check does refuse what is not PromQL
        Files.writeString(file, "groups:\n  - name: x\n    rules:\n      - record: x:y:z\n        expr: sum(rate(x[5m])\n");
        assertThat(PromQl.promtool(null, "check", "rules", file.toString()).exit()).isNotZero();
    }

    @Test
    void theDashboardsShareTheirDataSourceServiceVariableAndRateWindows() {
        Set<String> uids = new TreeSet<>();
        for (String name : PromQl.DASHBOARD_NAMES) {
            JsonNode dashboard = PromQl.dashboard(name);
            assertThat(dashboard.path("schemaVersion").asInt()).as(name).isEqualTo(39);
            assertThat(uids.add(dashboard.path("uid").asString())).as(name + "'s uid is its own").isTrue();
            Map<String, JsonNode> variables = new LinkedHashMap<>();
            for (JsonNode variable : dashboard.path("templating").path("list")) variables.put(variable.path("name").asString(), variable);
            assertThat(variables).as(name).containsKeys("datasource", "service");
            assertThat(variables.get("datasource").path("type").asString()).isEqualTo("datasource");
            assertThat(variables.get("datasource").path("query").asString()).isEqualTo("prometheus");
            assertThat(variables.get("service").path("query").path("query").asString())
                    .isEqualTo("label_values(http_server_requests_seconds_count, service)");

            for (JsonNode panel : PromQl.panels(dashboard)) {
                if (panel.path("type").asString().equals("row")) continue;
                String title = name + ": " + panel.path("title").asString();
                assertThat(panel.path("datasource").path("uid").asString()).as(title).isEqualTo("${datasource}");
                assertThat(panel.path("targets").size()).as(title).isPositive();
                for (JsonNode target : panel.path("targets")) {
                    assertThat(target.path("datasource").path("uid").asString()).as(title).isEqualTo("${datasource}");
                    assertThat(rateWindows(target.path("expr").asString())).as(title + ": the windows of its rates")
                            .allSatisfy(window -> assertThat(window).isEqualTo("$__rate_interval"));
                }
            }
        }
    }

    private static final Pattern RATE = Pattern.compile("\\b(?:rate|irate)\\s*\\(");

    /** The range of each rate() and irate(): the first brackets after it, outside strings and braces. */
    static List<String> rateWindows(String expr) {
        List<String> windows = new ArrayList<>();
        Matcher rate = RATE.matcher(expr);
        while (rate.find()) {
            int braces = 0;
            char quote = 0;
            for (int i = rate.end(); i < expr.length(); i++) {
                char c = expr.charAt(i);
                if (quote != 0) {
                    if (c == '\\') i++;
                    else if (c == quote) quote = 0;
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '{') {
                    braces++;
                } else if (c == '}') {
                    braces--;
                } else if (c == '[' && braces == 0) {
                    windows.add(expr.substring(i + 1, expr.indexOf(']', i)));
                    break;
                }
            }
        }
        return windows;
    }

    /** A recorded series read anywhere must be recorded: promtool does not know that. */
    @Test
    void everyRecordedSeriesReadIsRecorded() {
        Set<String> recorded = PromQl.recordedNames();
        Map<String, List<String>> unknown = new TreeMap<>();
        for (PromQl.Query query : PromQl.allQueries()) {
            for (String name : PromQl.metricNames(query.expr())) {
                if (name.contains(":") && !recorded.contains(name)) unknown.computeIfAbsent(name, k -> new ArrayList<>()).add(query.where());
            }
        }
        assertThat(unknown).isEmpty();
        // and each external metric listed is read somewhere, so the list says what is needed
        Set<String> read = new TreeSet<>();
        PromQl.allQueries().forEach(query -> read.addAll(PromQl.metricNames(query.expr())));
        assertThat(read).containsAll(PromQl.EXTERNAL);
    }

    /**
     * A bucket's le is Java's Double.toString of its bound in seconds (the Prometheus client
     * Micrometer writes through): "1.0", not "1". A bound spelled otherwise matches no series
     * and the slow ratio would read as everything slow.
     */
    @Test
    void theBucketsReadAreTheSloBucketsSpelledAsMicrometerWritesThem() {
        Set<String> spelled = new TreeSet<>(Set.of("+Inf"));
        for (String bound : sloBounds()) spelled.add(Double.toString(seconds(bound)));
        assertThat(spelled).contains("0.025", "0.25", "0.5", "1.0", "2.5", "5.0");
        assertThat(PromQl.literalValues("le")).isNotEmpty().allSatisfy(le -> assertThat(spelled).contains(le));
    }

    /** Series from cAdvisor and kube-state-metrics are told apart by container: the manifests' names. */
    @Test
    void theContainersSelectedAreTheManifestsContainers() throws IOException {
        Set<String> containers = new TreeSet<>();
        try (Stream<Path> files = Files.list(PromQl.ROOT.resolve("deploy/k8s/base"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                Matcher m = CONTAINER.matcher(Files.readString(file));
                while (m.find()) containers.add(m.group(1));
            }
        }
        assertThat(containers).isNotEmpty();
        assertThat(PromQl.literalValues("container")).isNotEmpty().allSatisfy(c -> assertThat(containers).contains(c));
    }

    private static final Pattern CONTAINER = Pattern.compile("(?m)^\\s*- name: (\\S+)\\s*\\n\\s*image:");

    @Test
    void metricNamesAreTheIdentifiersThatNameSeries() {
        String expr = """
                sum by (namespace, le) (rate(http_server_requests_seconds_bucket{uri=~"/v1/me/\\\\{a\\\\}|x", le="0.25"}[5m] offset 1h))
                  / on (journey) group_left gospelib:journey_errors:budget > bool 14.4
                and on () time() - max without (instance) (kube_job_created) > 86400
                or label_replace(up{job="gospelib"}, "service", "$1", "pod", "(gateway)-.*") # not_a_metric in a comment
                unless histogram_quantile(0.99, sum(rate(x_bucket[5m:1m])) by (le)) * -1e-3
                or count_values("value", gospelib_corpus_version) or topk(3, rate(y_total{a='b}'}[$__rate_interval]))
                """;
        assertThat(PromQl.metricNames(expr)).containsExactlyInAnyOrder("http_server_requests_seconds_bucket",
                "gospelib:journey_errors:budget", "kube_job_created", "up", "x_bucket", "gospelib_corpus_version", "y_total");
        assertThat(PromQl.substitute("rate(x{service=~\"$service\", s=\"${service:regex}\"}[$__rate_interval])"))
                .isEqualTo("rate(x{service=~\"gateway\", s=\"gateway\"}[5m])");
    }

    private static List<Path> ruleTests() throws IOException {
        try (Stream<Path> files = Files.list(PromQl.RULES_DIR.resolve("tests"))) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    /** The latency histogram's SLO bounds as the application configures them (e.g. 25ms, 1s). */
    @SuppressWarnings("unchecked")
    static List<String> sloBounds() {
        Map<String, Object> config = PromQl.yaml(PromQl.ROOT.resolve("src/main/resources/application.yml"));
        Object slo = config;
        for (String key : List.of("management", "metrics", "distribution", "slo")) {
            slo = slo instanceof Map<?, ?> map ? ((Map<String, Object>) map).get(key) : null;
        }
        // the meter's name as one key, with or without the brackets that keep its dots, or nested
        Object bounds = null;
        if (slo instanceof Map<?, ?> map) {
            bounds = map.get("[http.server.requests]") != null ? map.get("[http.server.requests]") : map.get("http.server.requests");
            Object nested = map;
            for (String key : List.of("http", "server", "requests")) nested = nested instanceof Map<?, ?> m ? m.get(key) : null;
            if (bounds == null) bounds = nested;
        }
        assertThat(bounds).as("management.metrics.distribution.slo[http.server.requests] in application.yml").isNotNull();
        return List.of(String.valueOf(bounds).split("\\s*,\\s*"));
    }

    /** A bound in seconds, as Micrometer computes it: whole nanoseconds over 1e9. */
    static double seconds(String bound) {
        Matcher m = Pattern.compile("([0-9.]+)(ms|s)").matcher(bound.strip());
        assertThat(m.matches()).as(bound).isTrue();
        long nanos = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(m.group(2).equals("ms") ? 1_000_000L : 1_000_000_000L))
                .longValueExact();
        return nanos / 1e9;
    }
}
