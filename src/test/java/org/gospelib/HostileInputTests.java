package org.gospelib;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gospelib.platform.ProblemException;
import org.gospelib.support.Http;
import org.gospelib.support.RawHttp;
import org.gospelib.support.RunningApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every route, driven with generated hostile input: malformed and over-long encodings, Unicode
 * edge cases, extreme numbers, forged cursors and tokens, odd headers, bodies of the wrong shape,
 * size and encoding. Requests are written byte for byte (no client library tidies them up), from a
 * fixed seed so a failure can be replayed. Whatever comes in: no 5xx (apart from a search index
 * that says it is still being built), and every {@code /v1} error is problem+json with a stable
 * type and the status it was sent with.
 */
class HostileInputTests extends RunningApplication {

    private static final long SEED = 0x60_5BE1_1BL;
    private static final int INPUTS_PER_ROUTE = 150;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{[^}]+}");

    @Autowired
    JdbcClient jdbc;

    /** A route as its description gives it: method, path template, its query parameters, whether it takes a body. */
    record Route(String method, String template, List<String> query, boolean body) {
    }

    @Test
    void noInputGetsAServerErrorAndEveryApiErrorIsAProblem() throws Exception {
        List<Route> routes = routes();
        assertThat(routes).as("routes from the API description and the pages").hasSizeGreaterThan(40);
        String token = plusReaderToken();
        RawHttp raw = new RawHttp(port);
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Route route : routes) {
            for (int i = 0; i < INPUTS_PER_ROUTE; i++) {
                String target = target(route, random);
                StringBuilder head = new StringBuilder(route.method()).append(' ').append(target)
                        .append(" HTTP/1.1\r\nHost: 127.0.0.1:").append(port);
                for (String header : headers(random, token)) head.append("\r\n").append(header);
                byte[] body = route.body() || random.nextInt(10) == 0 ? body(random) : null;
                if (body != null) head.append("\r\nContent-Type: ").append(contentType(random));
                RawHttp.Response response = raw.send(head.toString(), body);
                sent++;
                check(route.method() + " " + target, target.startsWith("/v1") || target.startsWith("/.well-known"), response)
                        .ifPresent(failures::add);
            }
        }
        System.out.printf("hostile input: %d requests over %d routes, %d failures%n", sent, routes.size(), failures.size());
        assertThat(failures).as("requests answered with a 5xx, or a /v1 error that is not problem+json").isEmpty();
    }

    /** Each route's path, spelled in ways a dispatcher reads as the same path: refused, never routed around the gateway. */
    @Test
    void everyOtherSpellingOfARouteIsRefused() {
        RawHttp raw = new RawHttp(port);
        for (Route route : routes()) {
            String path = PATH_VARIABLE.matcher(route.template()).replaceAll("x");
            if (path.length() < 3) continue;
            List<String> spellings = List.of(
                    path.charAt(0) + "%" + Integer.toHexString(path.charAt(1)).toUpperCase() + path.substring(2),
                    path.charAt(0) + "%" + Integer.toHexString(path.charAt(1)) + path.substring(2),
                    path.replaceFirst("/", "//"),
                    path.replaceFirst("(/[^/]+)", "$1;x=1"),
                    path.replaceFirst("(/[^/]+)", "$1/."),
                    path.replaceFirst("(/[^/]+)", "$1/../" + path.substring(1, path.indexOf('/', 1) < 0 ? path.length() : path.indexOf('/', 1))),
                    path.replaceFirst("/", "/./"),
                    path.replaceFirst("/", "\\\\"));
            for (String spelling : spellings) {
                RawHttp.Response r = raw.send(route.method() + " " + spelling + " HTTP/1.1\r\nHost: 127.0.0.1", new byte[0]);
                assertThat(r.status()).as(route.method() + " " + spelling).isEqualTo(400);
                assertThat(r.header("Content-Type")).as(spelling).startsWith("application/problem+json");
            }
        }
        // the case of the module's own bypass: a signup through an escaped letter never reaches the handler
        RawHttp.Response bypass = raw.send("POST /%761/auth/signup HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json",
                ("{\"email\":\"walk-" + UUID.randomUUID() + "@example.test\",\"password\":\"a long enough password\","
                        + "\"displayName\":\"" + "x".repeat(100_000) + "\"}").getBytes(StandardCharsets.UTF_8));
        assertThat(bypass.status()).isIn(400, 413);
    }

    private List<Route> routes() {
        JsonNode paths = http.get("/v1/openapi").json().path("paths");
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                // the reader's own deletion would end the suite's signed-in half early
                if (path.getKey().equals("/v1/me") && operation.getKey().equals("delete")) continue;
                List<String> query = new ArrayList<>();
                for (JsonNode parameter : operation.getValue().path("parameters")) {
                    if (parameter.path("in").asString().equals("query")) query.add(parameter.path("name").asString());
                }
                routes.add(new Route(operation.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(), query,
                        operation.getValue().has("requestBody")));
            }
        }
        for (String page : List.of("/", "/read", "/read/{tr}", "/read/{tr}/{book}", "/read/{tr}/{book}/{chapter}",
                "/read/{tr}/{book}/{chapter}/{verse}/panel", "/search", "/topics", "/topics/{id}", "/lemmas/{strongs}",
                "/signin", "/signup", "/livez", "/readyz")) {
            routes.add(new Route("GET", page, List.of("q", "ref", "tr", "with", "v", "strongs", "book", "chapter", "mode",
                    "page", "cursor"), false));
        }
        routes.add(new Route("POST", "/signin", List.of(), true));
        return routes;
    }

    private String target(Route route, Random random) {
        Matcher variables = PATH_VARIABLE.matcher(route.template());
        StringBuilder path = new StringBuilder();
        while (variables.find()) variables.appendReplacement(path, Matcher.quoteReplacement(value(random, true)));
        variables.appendTail(path);
        StringBuilder query = new StringBuilder();
        Iterator<String> names = route.query().iterator();
        while (names.hasNext()) {
            String name = names.next();
            if (random.nextInt(3) == 0) continue;
            query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(value(random, false));
        }
        if (random.nextInt(8) == 0) query.append(query.isEmpty() ? "?" : "&").append(value(random, false));
        return path + query.toString();
    }

    /** A value as it appears in a request target (already escaped where the piece is an escape). */
    private static String value(Random random, boolean inPath) {
        String[] plausible = {"John.3.16", "John%203:16", "Gen.1.1-Rev.22.21", "Ps%201-150", "KJV", "WEB", "kjv", "G26", "H430",
                "love", "grace%20and%20truth", "1", "3", "16", UUID.randomUUID().toString(), "2026-01-01", "Europe%2FLondon",
                "semantic", "hybrid", "canonical", "verse:Gen.1.1", "topic:LOVE", "lexical", "Matt", "Song", "3John"};
        String[] escapes = {"%FF", "%C0%AF", "%ED%A0%80", "%00", "%E2%80%8B", "%F0%9F%98%80", "%EF%BB%BF", "%", "%G1", "%2",
                "+", "%2B", "%20", "%0A", "%0D%0A", "%7Bx%7D", "%7Btr%7D", "%22", "%27", "%3C", "%3E", "%5C", "%2F", "%3B",
                "%25", "%E2%80%AE", "%CC%81", "%F4%90%80%80", "%C3%28", "%E0%80%80", "%26", "%3D", "%23", "%D8%A7"};
        String[] numbers = {"-1", "0", "-0", "2147483648", "-2147483649", "99999999999999999999999", "1e308", "NaN",
                "Infinity", "0x10", "1.5", "%D9%A1%D9%A2", "007", "1_000"};
        String[] forged = {"eyJhbGciOiJub25lIn0.e30.", "AAAA", "MXxxfHh8c3wxfDF8MA", "MXx4fHh8c3wxfDk5OTk5OTk5OXww.AAAA",
                "..", ".", "*", "**", "~", "[", "]", "(", ")", "\"", "'", "-", "_"};
        int pieces = 1 + random.nextInt(3);
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            String[] kind = switch (random.nextInt(5)) {
                case 0 -> plausible;
                case 1, 2 -> escapes;
                case 3 -> numbers;
                default -> forged;
            };
            String piece = kind[random.nextInt(kind.length)];
            if (inPath && piece.equals("+")) piece = "%2B";
            value.append(piece);
        }
        switch (random.nextInt(40)) {
            case 0 -> value.append("a".repeat(2_000 + random.nextInt(20_000))); // past the header limit, sometimes
            case 1 -> value.append("%E4%B8%AD".repeat(300));
            case 2 -> value.setLength(0);
            default -> {
            }
        }
        return value.toString();
    }

    private static List<String> headers(Random random, String token) {
        List<String> headers = new ArrayList<>();
        String[] accept = {"application/json", "application/problem+json", "text/html", "*/*", "image/png",
                "application/xml", "text/plain", "application/json;q=0", ";;;", "text/*, application/*;q=0.1", "\u00ff"};
        if (random.nextInt(3) > 0) headers.add("Accept: " + accept[random.nextInt(accept.length)]);
        switch (random.nextInt(6)) {
            case 0, 1 -> headers.add("Authorization: Bearer " + token);
            case 2 -> headers.add("Authorization: Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.");
            case 3 -> headers.add("Authorization: Basic Og==");
            default -> {
            }
        }
        String[] other = {"If-None-Match: \"garbage", "If-None-Match: *", "Accept-Language: \u00e9\u00e9;q=x",
                "X-Forwarded-For: not-an-address, ::1", "Origin: null", "Origin: http://evil.example",
                "Accept-Encoding: gzip;q=2", "Range: bytes=99999999-", "Cookie: gospelib_session=forged",
                "X-Request-Id: \u00ff\u00fe", "Content-Length: 5"};
        if (random.nextInt(3) == 0) {
            String header = other[random.nextInt(other.length)];
            // a second Content-Length disagreeing with the real one is a framing attack Tomcat refuses; keep it off bodies
            if (!header.startsWith("Content-Length")) headers.add(header);
        }
        return headers;
    }

    private static String contentType(Random random) {
        String[] types = {"application/json", "application/json", "application/json; charset=UTF-8", "text/plain",
                "application/json; charset=latin1", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "application/octet-stream", "application/merge-patch+json"};
        return types[random.nextInt(types.length)];
    }

    private static byte[] body(Random random) {
        String[] bodies = {"", "null", "[]", "{}", "{", "{\"ref\":\"John.3.16\",\"body\":5}", "{\"ref\":5}", "{\"ref\":[\"x\"]}",
                "{\"ref\":\"John.3.16\",\"body\":\"a\\u0000b\"}", "{\"ref\":\"John.3.16\",\"body\":\"\\ud800\"}",
                "{\"ref\":\"John.3.16\",\"tags\":[\"a\\u0000\",1,null]}", "{\"ref\":\"John.3.16\",\"folder\":\"</a><script>\"}",
                "{\"email\":\"a@b.c\",\"password\":\"x\",\"displayName\":5}", "{\"email\":" + "9".repeat(400) + "}",
                "{\"startOffset\":1e999,\"endOffset\":-1e999}", "{\"startOffset\":\"1\",\"endOffset\":true}",
                "{\"plan\":\"gospels-90\",\"startDate\":\"2026-02-30\",\"timeZone\":\"Mars/Olympus\"}",
                "{\"plan\":null,\"readings\":[\"\\u0000\"],\"name\":\"" + "n".repeat(5000) + "\"}",
                "{\"changes\":[{\"id\":\"x\",\"kind\":\"note\",\"deleted\":\"yes\"}],\"since\":-5}",
                "{\"refreshToken\":{\"a\":1}}", "{\"colour\":\"\\u202e\"}", "\u00ef\u00bb\u00bf{}", "\"just a string\"",
                "{\"a\":1,\"a\":2}", "{'single':'quotes'}", "{\"x\":NaN}", "[".repeat(3000) + "]".repeat(3000),
                "{\"ref\":\"" + "Gen.1.1-".repeat(2000) + "\"}", "{\"body\":\"" + "x".repeat(70_000) + "\"}"};
        String body = bodies[random.nextInt(bodies.length)];
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(12) == 0 && bytes.length > 2) bytes[random.nextInt(bytes.length)] = (byte) 0xff; // not UTF-8
        return bytes;
    }

    private static java.util.Optional<String> check(String request, boolean api, RawHttp.Response response) {
        int status = response.status();
        String shown = request.length() > 300 ? request.substring(0, 300) + "…" : request;
        String type = response.header("Content-Type");
        if (status >= 500) {
            boolean buildingIndex = status == 503 && response.text().contains("search-not-ready");
            if (!buildingIndex) return java.util.Optional.of(status + " for " + shown + ": " + abbreviated(response.text()));
        }
        if (api && status >= 400) {
            if (!type.startsWith("application/problem+json")) {
                return java.util.Optional.of(status + " as " + type + " for " + shown + ": " + abbreviated(response.text()));
            }
            try {
                JsonNode problem = JSON.readTree(response.body());
                if (!problem.path("type").asString().startsWith(ProblemException.TYPE_BASE)
                        || problem.path("status").asInt() != status) {
                    return java.util.Optional.of("problem without a stable type or with another status for " + shown + ": "
                            + abbreviated(response.text()));
                }
            } catch (RuntimeException e) {
                return java.util.Optional.of("unreadable problem for " + shown + ": " + abbreviated(response.text()));
            }
        }
        return java.util.Optional.empty();
    }

    private static String abbreviated(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    /** A reader on the plus plan, whose limits leave room for the suite's volume. */
    private String plusReaderToken() {
        String email = "hostile-" + UUID.randomUUID() + "@example.test";
        String password = "a long enough password";
        assertThat(http.postJson("/v1/auth/signup", "{\"email\":\"" + email + "\",\"password\":\"" + password
                + "\",\"displayName\":\"Hostile\"}").status()).isEqualTo(201);
        jdbc.sql("update app_user set plan = 'plus' where email = ?").param(email).update();
        Http.Response token = http.postJson("/v1/auth/token", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        assertThat(token.status()).isEqualTo(200);
        return token.json().path("accessToken").asString();
    }
}
