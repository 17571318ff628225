package org.gospelib.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.gospelib.support.Http;
import org.gospelib.support.RunningApplication;
import org.junit.jupiter.api.Test;

/**
 * The observability files against what the application exposes: every metric the rules and
 * dashboards read is in the exposition (or comes from outside it), the journeys' selectors match
 * the routes the application records, the SLO buckets are spelled as the rules read them, and
 * promtool accepts the exposition.
 */
class ObservedMetricsTests extends RunningApplication {

    /**
     * Exposed only by a process that calls another over HTTP (the gateway, the web pages reading
     * content): one process running every service calls none, so these cannot be seen here.
     */
    static final Set<String> SPLIT_ONLY = Set.of("http_client_requests_seconds_count", "http_client_requests_seconds_sum");

    /** The exposition after one request of each journey, so their routes have series. */
    private String exposition() {
        assertThat(http.get("/v1/passages?ref=John%203&translations=KJV").status()).isEqualTo(200);
        assertThat(http.get("/v1/search?q=love&translation=KJV").status()).isEqualTo(200);
        assertThat(http.get("/read/KJV/John/3").status()).isEqualTo(200);
        String email = "metrics-" + UUID.randomUUID() + "@example.test";
        String credentials = "{\"email\":\"" + email + "\",\"password\":\"correct horse battery staple\"}";
        Http.Response signup = http.postJson("/v1/auth/signup", credentials);
        assertThat(signup.status()).as(signup.body()).isEqualTo(201);
        String token = http.postJson("/v1/auth/token", credentials).json().path("accessToken").asString();
        Http.Response note = http.postJson("/v1/me/notes", "{\"ref\":\"John 3:16\",\"body\":\"so loved\"}", "Authorization", "Bearer " + token);
        assertThat(note.status()).as(note.body()).isEqualTo(201);

        Http.Response scrape = management.get("/actuator/prometheus");
        assertThat(scrape.status()).isEqualTo(200);
        return scrape.body();
    }

    @Test
    void everyMetricTheRulesAndDashboardsReadIsExposed() {
        String exposition = exposition();
        Set<String> exposed = PromQl.sampleNames(exposition);
        Set<String> recorded = PromQl.recordedNames();
        Map<String, List<String>> missing = new TreeMap<>();
        for (PromQl.Query query : PromQl.allQueries()) {
            for (String name : PromQl.metricNames(query.expr())) {
                if (exposed.contains(name) || recorded.contains(name) || PromQl.EXTERNAL.contains(name) || SPLIT_ONLY.contains(name)) {
                    continue;
                }
                missing.computeIfAbsent(name, k -> new ArrayList<>()).add(query.where());
            }
        }
        StringBuilder hints = new StringBuilder();
        for (String name : missing.keySet()) {
            String family = family(name);
            List<String> near = exposed.stream().filter(sample -> family(sample).equals(family)).toList();
            if (!near.isEmpty()) hints.append("\n").append(name).append(": the exposition has ").append(near);
        }
        assertThat(missing).as("read by the rules or dashboards, not exposed by the application" + hints).isEmpty();
    }

    /** Each journey's selector (recording-rules.yaml) matches a route the application recorded just now. */
    @Test
    void theJourneysSelectTheRoutesTheApplicationRecords() {
        String exposition = exposition();
        List<List<String[]>> samples = new ArrayList<>();
        for (String line : exposition.split("\n")) {
            if (line.startsWith("http_server_requests_seconds_count{")) {
                samples.add(PromQl.labelMatchers(line.substring(line.indexOf('{'), line.lastIndexOf('}') + 1)));
            }
        }
        assertThat(samples).isNotEmpty();
        Map<String, String> selectors = new TreeMap<>();
        for (Map<String, Object> rule : PromQl.rules(PromQl.RULES_DIR.resolve("recording-rules.yaml"))) {
            if (!"gospelib:journey_requests:rate5m".equals(rule.get("record"))) continue;
            selectors.put(String.valueOf(((Map<?, ?>) rule.get("labels")).get("journey")),
                    PromQl.selector(String.valueOf(rule.get("expr")), "http_server_requests_seconds_count"));
        }
        assertThat(selectors).containsOnlyKeys("read", "search", "write");
        for (var journey : selectors.entrySet()) {
            List<String[]> matchers = PromQl.labelMatchers(journey.getValue());
            assertThat(samples).as(journey.getKey() + " " + journey.getValue() + " among the recorded routes")
                    .anySatisfy(sample -> assertThat(matches(matchers, sample)).isTrue());
        }
    }

    /** The bucket bounds the rules read (le="0.25", "1.0", …) are spelled so in the exposition. */
    @Test
    void theSloBucketsAreExposedAsTheRulesSpellThem() {
        String exposition = exposition();
        Set<String> exposedBounds = new TreeSet<>();
        for (String line : exposition.split("\n")) {
            if (!line.startsWith("http_server_requests_seconds_bucket{")) continue;
            for (String[] label : PromQl.labelMatchers(line.substring(line.indexOf('{'), line.lastIndexOf('}') + 1))) {
                if (label[0].equals("le")) exposedBounds.add(label[2]);
            }
        }
        assertThat(exposedBounds).containsAll(PromQl.literalValues("le"));
    }

    /**
     * promtool's lint of the exposition: names, units, help texts. Anything it reports, lint or
     * parse error, fails the test and is shown.
     */
    @Test
    void theExpositionPassesPromtoolsCheckMetrics() {
        PromQl.Result check = PromQl.promtool(exposition(), "check", "metrics");
        if (!check.output().isBlank()) System.out.println("promtool check metrics:\n" + check.output());
        assertThat(check.exit()).as("promtool check metrics:\n" + check.output()).isZero();
    }

    private static boolean matches(List<String[]> matchers, List<String[]> sample) {
        for (String[] matcher : matchers) {
            String value = sample.stream().filter(l -> l[0].equals(matcher[0])).map(l -> l[2]).findFirst().orElse("");
            boolean ok = switch (matcher[1]) {
                case "=" -> value.equals(matcher[2]);
                case "!=" -> !value.equals(matcher[2]);
                case "=~" -> Pattern.compile(matcher[2]).matcher(value).matches();
                default -> !Pattern.compile(matcher[2]).matcher(value).matches();
            };
            if (!ok) return false;
        }
        return true;
    }

    /** A sample's family as the exposition names it: without the suffix a histogram, summary or counter adds. */
    static String family(String sample) {
        return sample.replaceFirst("_(bucket|count|sum|total|created|max)$", "");
    }
}
