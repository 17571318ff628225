package org.gospelib.notifications.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.gospelib.jobs.RetryLater;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mail through Resend's HTTP API ({@code POST /emails}, a bearer API key). The message's
 * idempotency key goes in {@code Idempotency-Key}, so a retried send within Resend's 24 hours is
 * answered with the first send's id instead of a second email. A 429 is retried after its
 * {@code Retry-After}; other 4xx answers (a refused address, a bad key) are final, 5xx retried.
 */
final class ResendTransport implements MailTransport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI emails;
    private final String apiKey;
    private final String from;

    ResendTransport(URI baseUrl, String apiKey, String from) {
        if (apiKey.isBlank()) {
            throw new IllegalArgumentException("gospelib.notifications.mail.resend.api-key is needed to send mail with Resend");
        }
        String base = baseUrl.toString();
        this.emails = URI.create((base.endsWith("/") ? base : base + "/") + "emails");
        this.apiKey = apiKey;
        this.from = from;
    }

    /** Resend's request body. */
    record Email(String from, List<String> to, String subject, String html, String text, Map<String, String> headers) {
    }

    @Override
    public String send(OutgoingMail mail) throws Exception {
        byte[] body = JSON.writeValueAsBytes(new Email(from, List.of(mail.to()), mail.subject(), mail.html(), mail.text(),
                mail.headers()));
        HttpRequest request = HttpRequest.newBuilder(emails).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", mail.idempotencyKey())
                .header("User-Agent", "GospeLib")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status / 100 == 2) {
            JsonNode id = JSON.readTree(response.body()).get("id");
            if (id == null || !id.isString()) throw new IllegalStateException("Resend answered " + status + " without an id");
            return id.asString();
        }
        String detail = "Resend answered " + status + ": " + message(response.body());
        if (status == 429) {
            long seconds = response.headers().firstValue("Retry-After").flatMap(ResendTransport::seconds).orElse(1L);
            throw new RetryLater(detail, Duration.ofSeconds(seconds));
        }
        // 409: the same idempotency key with another body (a changed template): sending again will not help
        if (status / 100 == 4 && status != 408) throw new UndeliverableMail(detail);
        throw new IllegalStateException(detail);
    }

    private static String message(String body) {
        try {
            JsonNode message = JSON.readTree(body).get("message");
            return message != null && message.isString() ? message.asString() : body;
        } catch (RuntimeException notJson) {
            return body.length() > 200 ? body.substring(0, 200) : body;
        }
    }

    private static java.util.Optional<Long> seconds(String value) {
        try {
            return java.util.Optional.of(Math.max(0, Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public String name() {
        return "resend";
    }
}
