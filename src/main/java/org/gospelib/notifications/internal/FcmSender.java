package org.gospelib.notifications.internal;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Firebase Cloud Messaging's HTTP v1 API: one {@code messages:send} per device, authorised by an
 * OAuth 2 access token that Google's auth library obtains (and renews) with the project's service
 * account key. A token FCM no longer knows ({@code UNREGISTERED}, or another project's: {@code
 * SENDER_ID_MISMATCH}) is gone; quota and server errors are retried.
 */
final class FcmSender implements DeviceSender {

    static final String SCOPE = "https://www.googleapis.com/auth/firebase.messaging";

    // FCM's v1 request: https://firebase.google.com/docs/reference/fcm/rest/v1/projects.messages
    record Send(Message message) {
    }

    record Message(String token, Notification notification, Map<String, String> data, Android android, Apns apns) {
    }

    record Notification(String title, String body) {
    }

    record Android(String ttl, String collapse_key, String priority) {
    }

    record Apns(Map<String, String> headers) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final GoogleCredentials credentials;
    private final URI sendUri;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    FcmSender(GoogleCredentials credentials, String projectId, URI baseUrl) {
        this.credentials = credentials;
        String base = baseUrl.toString().replaceAll("/+$", "");
        this.sendUri = URI.create(base + "/v1/projects/" + projectId + "/messages:send");
    }

    /** A sender for the project of this service account key (the JSON file the Firebase console gives). */
    static FcmSender fromServiceAccount(Path keyFile, URI baseUrl) throws IOException {
        ServiceAccountCredentials account;
        try (InputStream in = Files.newInputStream(keyFile)) {
            account = ServiceAccountCredentials.fromStream(in);
        }
        if (account.getProjectId() == null || account.getProjectId().isBlank()) {
            throw new IllegalArgumentException(keyFile + " names no project_id: is it a Firebase service account key?");
        }
        return new FcmSender(account.createScoped(List.of(SCOPE)), account.getProjectId(), baseUrl);
    }

    @Override
    public PushDevices.Platform platform() {
        return PushDevices.Platform.FCM;
    }

    @Override
    public PushOutcome send(PushDevices.Device device, PushDelivery.Payload payload, Duration ttl, String collapse)
            throws Exception {
        String accessToken;
        try {
            credentials.refreshIfExpired();
            accessToken = credentials.getAccessToken().getTokenValue();
        } catch (IOException e) {
            return PushOutcome.RETRY;
        }
        Send body = new Send(new Message(device.token(), new Notification(payload.title(), payload.body()),
                Map.of("url", payload.url(), "tag", payload.tag()),
                new Android(ttl.toSeconds() + "s", collapse, "normal"),
                new Apns(Map.of("apns-collapse-id", collapse))));
        HttpRequest request = HttpRequest.newBuilder(sendUri).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return PushOutcome.RETRY;
        }
        int status = response.statusCode();
        if (status == 200) return PushOutcome.SENT;
        String code = errorCode(response.body());
        if (status == 404 || "UNREGISTERED".equals(code) || "SENDER_ID_MISMATCH".equals(code)) return PushOutcome.GONE;
        if (status == 401) {
            // the access token was refused: the next try gets a new one
            credentials.refresh();
            return PushOutcome.RETRY;
        }
        if (status == 429 || status / 100 == 5) return PushOutcome.RETRY;
        return PushOutcome.REFUSED;
    }

    /** FCM's own error code ({@code details[].errorCode} of type FcmError), or the status name. */
    private static String errorCode(String body) {
        try {
            JsonNode error = JSON.readTree(body).path("error");
            for (JsonNode detail : error.path("details")) {
                if (detail.path("@type").asString("").endsWith("google.firebase.fcm.v1.FcmError")) {
                    return detail.path("errorCode").asString("");
                }
            }
            return error.path("status").asString("");
        } catch (RuntimeException e) {
            return "";
        }
    }
}
