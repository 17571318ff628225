package org.gospelib.deploy;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The observability files ({@code deploy/observability}) as the tests read them: every PromQL
 * expression of the rule files and the dashboards, the metric names in an expression, the sample
 * names of an exposition, and promtool.
 */
final class PromQl {

    /** The repository: the tests run from its root, as Maven runs them. */
    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path DIR = ROOT.resolve("deploy/observability");
    static final Path RULES_DIR = DIR.resolve("prometheus");
    static final List<Path> RULE_FILES = List.of(RULES_DIR.resolve("recording-rules.yaml"), RULES_DIR.resolve("alerts.yaml"));
    static final Path DASHBOARDS = DIR.resolve("grafana/dashboards");
    static final List<String> DASHBOARD_NAMES = List.of("overview", "services", "jobs-and-webhooks", "jvm-and-memory", "slo");

    /** Metrics the rules and dashboards read from outside the application. */
    static final Set<String> EXTERNAL = Set.of(
            // cAdvisor, through the kubelet
            "container_cpu_usage_seconds_total", "container_memory_working_set_bytes",
            // kube-state-metrics
            "kube_pod_container_resource_requests", "kube_pod_container_resource_limits", "kube_pod_status_ready",
            "kube_job_failed", "kube_job_created",
            // postgres_exporter
            "pg_stat_activity_count", "pg_settings_max_connections",
            // Prometheus's own, per scrape target
            "up");

    /** Values the dashboards' template variables stand for when a query is checked. */
    static final Map<String, String> VARIABLES = Map.of("service", "gateway", "journey", "read");
    private static final Set<String> INTERVALS = Set.of("__rate_interval", "__interval", "__range");

    private static final JsonMapper JSON = JsonMapper.shared();

    private PromQl() {
    }

    /** An expression and where it is, for messages. */
    record Query(String where, String expr) {
    }

    /** Every rule's expression, recording and alerting. */
    static List<Query> ruleQueries() {
        List<Query> queries = new ArrayList<>();
        for (Path file : RULE_FILES) {
            for (Map<String, Object> rule : rules(file)) {
                Object name = rule.containsKey("record") ? rule.get("record") : rule.get("alert");
                queries.add(new Query(file.getFileName() + ": " + name, String.valueOf(rule.get("expr"))));
            }
        }
        return queries;
    }

    /** The names the recording rules define. */
    static Set<String> recordedNames() {
        Set<String> names = new TreeSet<>();
        for (Path file : RULE_FILES) {
            for (Map<String, Object> rule : rules(file)) {
                if (rule.containsKey("record")) names.add(String.valueOf(rule.get("record")));
            }
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rules(Path file) {
        Map<String, Object> content = yaml(file);
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) content.get("groups")) {
            rules.addAll((List<Map<String, Object>>) group.get("rules"));
        }
        return rules;
    }

    static Map<String, Object> yaml(Path file) {
        try {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode dashboard(String name) {
        try {
            return JSON.readTree(Files.readString(DASHBOARDS.resolve(name + ".json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The panels of a dashboard, those inside collapsed rows included. */
    static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> all = new ArrayList<>();
        collectPanels(dashboard.path("panels"), all);
        return all;
    }

    private static void collectPanels(JsonNode panels, List<JsonNode> into) {
        for (JsonNode panel : panels) {
            into.add(panel);
            collectPanels(panel.path("panels"), into);
        }
    }

    /**
     * Every query of every dashboard, its Grafana variables replaced ({@link #substitute}): the
     * panels' targets, and the metric selector of each {@code label_values(selector, label)}
     * variable.
     */
    static List<Query> dashboardQueries() {
        List<Query> queries = new ArrayList<>();
        for (String name : DASHBOARD_NAMES) {
            JsonNode dashboard = dashboard(name);
            for (JsonNode panel : panels(dashboard)) {
                for (JsonNode target : panel.path("targets")) {
                    String expr = target.path("expr").asString("");
                    if (expr.isBlank()) continue;
                    queries.add(new Query(name + ".json: " + panel.path("title").asString() + " (" + target.path("refId").asString() + ")",
                            substitute(expr)));
                }
            }
            for (JsonNode variable : dashboard.path("templating").path("list")) {
                JsonNode query = variable.path("query");
                String text = query.isObject() ? query.path("query").asString("") : query.asString("");
                Matcher labelValues = LABEL_VALUES.matcher(text);
                if ("query".equals(variable.path("type").asString()) && labelValues.matches()) {
                    queries.add(new Query(name + ".json: variable " + variable.path("name").asString(), substitute(labelValues.group(1))));
                }
            }
        }
        return queries;
    }

    private static final Pattern LABEL_VALUES = Pattern.compile("\\s*label_values\\((.+),\\s*\\w+\\s*\\)\\s*");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_]\\w*)(?::[^}]*)?}|\\$([A-Za-z_]\\w*)");

    /**
     * A dashboard query as Prometheus would receive it: Grafana's interval variables become
     * {@code 5m}, the dashboards' own variables a value of theirs ({@link #VARIABLES}). A variable
     * without a value fails, so a new one is not checked by accident as something else.
     */
    static String substitute(String expr) {
        Matcher m = VARIABLE.matcher(expr);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            String value = INTERVALS.contains(name) ? "5m" : VARIABLES.get(name);
            if (value == null) throw new IllegalArgumentException("no value to check $" + name + " with, in: " + expr);
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Every expression of the rule files and the dashboards. */
    static List<Query> allQueries() {
        List<Query> all = new ArrayList<>(ruleQueries());
        all.addAll(dashboardQueries());
        return all;
    }

    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "atan2", "inf", "nan",
            // aggregation operators, which may come before by/without instead of a parenthesis
            "sum", "min", "max", "avg", "group", "stddev", "stdvar", "count", "count_values", "bottomk", "topk", "quantile",
            "limitk", "limit_ratio");
    /** Keywords followed by a parenthesised list of label names. */
    private static final Set<String> GROUPING = Set.of("by", "without", "on", "ignoring", "group_left", "group_right");

    /**
     * The metric names an expression reads: its identifiers, less keywords and aggregation
     * operators, function names (an identifier followed by a parenthesis), label names (inside
     * braces, and the lists after by, without, on, ignoring, group_left, group_right), strings,
     * numbers and durations (inside brackets, after offset), comments, and unreplaced Grafana
     * variables.
     */
    static Set<String> metricNames(String expr) {
        Set<String> names = new TreeSet<>();
        int n = expr.length();
        int braces = 0;
        int i = 0;
        while (i < n) {
            char c = expr.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = afterString(expr, i);
            } else if (c == '#') {
                while (i < n && expr.charAt(i) != '\n') i++;
            } else if (c == '{') {
                braces++;
                i++;
            } else if (c == '}') {
                braces--;
                i++;
            } else if (c == '[') {
                i = afterGroup(expr, i, '[', ']');
            } else if (Character.isDigit(c) || c == '.' && i + 1 < n && Character.isDigit(expr.charAt(i + 1))) {
                // a number, or a duration such as 5m or 1h30m
                while (i < n && (Character.isLetterOrDigit(expr.charAt(i)) || expr.charAt(i) == '.' || expr.charAt(i) == '_')) i++;
            } else if (c == '$') {
                i++;
                if (i < n && expr.charAt(i) == '{') {
                    i = afterGroup(expr, i, '{', '}');
                } else {
                    while (i < n && isIdentifierPart(expr.charAt(i))) i++;
                }
            } else if (isIdentifierStart(c)) {
                int start = i;
                while (i < n && isIdentifierPart(expr.charAt(i))) i++;
                String identifier = expr.substring(start, i);
                if (braces > 0) continue;
                String keyword = identifier.toLowerCase(java.util.Locale.ROOT);
                int next = skipSpaces(expr, i);
                boolean parenthesis = next < n && expr.charAt(next) == '(';
                if (GROUPING.contains(keyword)) {
                    if (parenthesis) i = afterGroup(expr, next, '(', ')');
                } else if (!KEYWORDS.contains(keyword) && !parenthesis) {
                    names.add(identifier);
                }
            } else {
                i++;
            }
        }
        return names;
    }

    private static boolean isIdentifierStart(char c) {
        return c == '_' || c == ':' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || c >= '0' && c <= '9';
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        return i;
    }

    /** The index after the string that starts at {@code i}; backquoted strings have no escapes. */
    private static int afterString(String s, int i) {
        char quote = s.charAt(i++);
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '\\' && quote != '`') {
                i++;
            } else if (c == quote) {
                return i;
            }
        }
        return i;
    }

    /** The index after the bracketed group that opens at {@code i}, strings inside skipped. */
    private static int afterGroup(String s, int i, char open, char close) {
        int depth = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = afterString(s, i);
                continue;
            }
            if (c == open) depth++;
            if (c == close && --depth == 0) return i + 1;
            i++;
        }
        return i;
    }

    /** The names of the samples in a Prometheus text exposition (not the families of its comments). */
    static Set<String> sampleNames(String exposition) {
        Set<String> names = new TreeSet<>();
        for (String line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            int end = 0;
            while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') end++;
            names.add(line.substring(0, end));
        }
        return names;
    }

    /** The braces of the first selector of {@code metric} in an expression, with them: {@code {a="b", …}}. */
    static String selector(String expr, String metric) {
        int at = expr.indexOf(metric + "{");
        if (at < 0) throw new IllegalArgumentException("no selector of " + metric + " in " + expr);
        int open = at + metric.length();
        return expr.substring(open, afterGroup(expr, open, '{', '}'));
    }

    private static final Pattern MATCHER = Pattern.compile("([A-Za-z_]\\w*)\\s*(=~|!~|!=|=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** The label matchers of a selector's braces (or a sample's labels): name, operator, value (unescaped). */
    static List<String[]> labelMatchers(String braces) {
        List<String[]> matchers = new ArrayList<>();
        Matcher m = MATCHER.matcher(braces);
        while (m.find()) matchers.add(new String[] {m.group(1), m.group(2), unescape(m.group(3))});
        return matchers;
    }

    /** A PromQL (or exposition) double-quoted string's content: backslash escapes resolved. */
    static String unescape(String quoted) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < quoted.length(); i++) {
            char c = quoted.charAt(i);
            if (c == '\\' && i + 1 < quoted.length()) {
                char next = quoted.charAt(++i);
                out.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Every literal {@code label="value"} (equality matchers only) in the rule files and the dashboards. */
    static Set<String> literalValues(String label) {
        Set<String> values = new LinkedHashSet<>();
        for (Query query : allQueries()) {
            for (String[] matcher : labelMatchers(query.expr())) {
                if (matcher[0].equals(label) && matcher[1].equals("=")) values.add(matcher[2]);
            }
        }
        return values;
    }

    /** What promtool printed (standard output and error together) and how it exited. */
    record Result(int exit, String output) {
    }

    /**
     * Runs promtool from the repository's root, with {@code stdin} (or nothing) as its input.
     * Fails, rather than skips, where promtool is not installed.
     */
    static Result promtool(String stdin, String... args) {
        Path promtool = Stream.concat(Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)), Stream.of("/usr/bin"))
                .filter(dir -> !dir.isBlank()).map(dir -> Path.of(dir, "promtool")).filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new AssertionError("promtool is not installed: it comes with Debian's prometheus package "
                        + "(apt-get install prometheus)"));
        List<String> command = new ArrayList<>(List.of(promtool.toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();
            // read while writing: promtool may answer before it has read all of a long input
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
            try (OutputStream in = process.getOutputStream()) {
                if (stdin != null) in.write(stdin.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // promtool stopped reading; its output says why
            }
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("promtool " + String.join(" ", args) + " did not finish in 5 minutes");
            }
            return new Result(process.exitValue(), output.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String readAll(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
