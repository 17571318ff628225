package org.gospelib.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/** What the benchmarks that drive an application over HTTP share: a reader made, requests sent, readiness awaited. */
public final class BenchClient {

    public static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BenchClient() {
    }

    /** A new reader's access token. */
    public static String user(String base) throws Exception {
        String email = "bench-" + UUID.randomUUID() + "@example.test";
        String creds = "{\"email\":\"" + email + "\",\"password\":\"correct horse battery staple\"}";
        post(base + "/v1/auth/signup", creds, null);
        return JSON.readTree(post(base + "/v1/auth/token", creds, null)).path("accessToken").asString();
    }

    /** A GET that must answer 200; its body. */
    public static String send(String uri, String token) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(uri));
        if (token != null) r.header("Authorization", "Bearer " + token);
        HttpResponse<String> response = CLIENT.send(r.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) throw new IllegalStateException(uri + " → " + response.statusCode());
        return response.body();
    }

    /** A JSON POST that must succeed; its body. */
    public static String post(String uri, String body, String token) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(uri)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) r.header("Authorization", "Bearer " + token);
        HttpResponse<String> response = CLIENT.send(r.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) throw new IllegalStateException(uri + " → " + response.statusCode() + " " + response.body());
        return response.body();
    }

    /** Waits until {@code /readyz} answers 200. */
    public static void awaitReady(String base, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/readyz")).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) return;
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("not ready in " + timeout);
    }
}
