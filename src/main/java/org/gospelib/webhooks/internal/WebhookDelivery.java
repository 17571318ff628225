package org.gospelib.webhooks.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gospelib.jobs.JobContext;
import org.gospelib.jobs.JobHandler;
import org.gospelib.jobs.JobKind;
import org.gospelib.jobs.RetryLater;
import org.gospelib.jobs.RetryPolicy;
import org.gospelib.platform.ProblemException;
import org.gospelib.platform.WebhookSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Delivers one message to one endpoint, as a job: signed POST, every attempt logged. A 2xx is
 * delivered; {@code 410 Gone} disables the endpoint; anything else (or no answer in 15 s) fails
 * the attempt, retried on Svix's schedule (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h after the
 * first), later if the endpoint asked so with {@code Retry-After}. An endpoint failing for
 * {@code gospelib.webhooks.disable-after} (5 days) without a success is disabled.
 */
@Component
class WebhookDelivery implements JobHandler<WebhookDelivery.Request> {

    private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);

    /** The payload: which message to which endpoint. */
    record Request(String messageId, UUID endpointId) {
    }

    static final JobKind<Request> KIND = new JobKind<>("webhook.deliver", Request.class);
    static final RetryPolicy SVIX_SCHEDULE = RetryPolicy.schedule(List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10)));
    private static final Duration MAX_RETRY_AFTER = Duration.ofHours(24);
    /** Signatures made with the secret a rotation replaced are sent along for this long. */
    static final Duration PREVIOUS_SECRET_VALIDITY = Duration.ofHours(24);

    private final WebhookStore store;
    private final WebhookTargets targets;
    private final Duration disableAfter;
    private final Clock clock;
    private final Counter delivered;
    private final Counter gone;
    private final Counter failed;
    // HTTP/1.1 with keep-alive: receivers are plain web endpoints, and a plain-http target would otherwise
    // be offered an h2c upgrade on every new connection
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    WebhookDelivery(WebhookStore store, WebhookTargets targets,
            @Value("${gospelib.webhooks.disable-after:5d}") Duration disableAfter, MeterRegistry meters) {
        this.delivered = deliveries(meters, "delivered");
        this.gone = deliveries(meters, "gone");
        this.failed = deliveries(meters, "failed");
        this.store = store;
        this.targets = targets;
        this.disableAfter = disableAfter;
        this.clock = Clock.systemUTC();
    }

    private static Counter deliveries(MeterRegistry meters, String outcome) {
        return Counter.builder("gospelib.webhooks.deliveries").tag("outcome", outcome)
                .description("webhook delivery attempts by outcome (gone: the endpoint answered 410 and is disabled)")
                .register(meters);
    }

    @Override
    public JobKind<Request> kind() {
        return KIND;
    }

    @Override
    public RetryPolicy retryPolicy() {
        return SVIX_SCHEDULE;
    }

    @Override
    public void handle(Request request, JobContext context) {
        Optional<WebhookStore.Endpoint> found = store.find(request.endpointId());
        Optional<WebhookStore.Message> message = store.message(request.messageId());
        // deleted or disabled since: nothing to deliver, and nothing to retry
        if (found.isEmpty() || !found.get().enabled() || message.isEmpty()) return;
        WebhookStore.Endpoint endpoint = found.get();
        Instant now = Instant.now(clock);
        URI target;
        try {
            target = targets.check(endpoint.url());
        } catch (ProblemException refused) {
            fail(endpoint, message.get(), context, 0, "target refused: " + refused.getMessage(), 0, now);
            throw new IllegalStateException("webhook target refused: " + refused.getMessage());
        }
        byte[] body = message.get().payload().getBytes(StandardCharsets.UTF_8);
        long timestamp = now.getEpochSecond();
        HttpRequest post = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(15))
                .header("content-type", "application/json")
                .header("user-agent", "GospeLib-Webhooks/1")
                .header("webhook-id", message.get().id())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signatures(endpoint, message.get().id(), timestamp, body, now))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        long start = System.nanoTime();
        HttpResponse<Void> response;
        try {
            response = http.send(post, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            int millis = (int) ((System.nanoTime() - start) / 1_000_000);
            fail(endpoint, message.get(), context, 0, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), millis, now);
            throw new IllegalStateException("webhook delivery to " + endpoint.id() + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        int millis = (int) ((System.nanoTime() - start) / 1_000_000);
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            store.logDelivery(endpoint.id(), message.get().id(), context.attempt(), status, "", millis, true, now);
            delivered.increment();
            if (endpoint.failingSince().isPresent()) store.healthy(endpoint.id());
            return;
        }
        if (status == 410) {
            store.logDelivery(endpoint.id(), message.get().id(), context.attempt(), status, "410 Gone: endpoint disabled", millis, false, now);
            store.disable(endpoint.id(), "the endpoint answered 410 Gone");
            gone.increment();
            log.info("webhooks: endpoint {} answered 410 Gone and is disabled", endpoint.id());
            return;
        }
        if (fail(endpoint, message.get(), context, status, "HTTP " + status, millis, now)) return;
        Optional<Duration> retryAfter = response.headers().firstValue("retry-after").flatMap(v -> retryAfter(v, now));
        if (retryAfter.isPresent()) throw new RetryLater("HTTP " + status + " with Retry-After", retryAfter.get());
        throw new IllegalStateException("webhook delivery to " + endpoint.id() + " answered HTTP " + status);
    }

    /** Logs a failed attempt; true if the endpoint has now failed long enough to be disabled. */
    private boolean fail(WebhookStore.Endpoint endpoint, WebhookStore.Message message, JobContext context, int status,
            String error, int millis, Instant now) {
        store.logDelivery(endpoint.id(), message.id(), context.attempt(), status, error, millis, false, now);
        failed.increment();
        Instant since = store.failing(endpoint.id(), now);
        if (Duration.between(since, now).compareTo(disableAfter) >= 0) {
            store.disable(endpoint.id(), "deliveries failed since " + since);
            log.warn("webhooks: endpoint {} disabled after failing since {}", endpoint.id(), since);
            return true;
        }
        return false;
    }

    /** The current secret's signature, and during a rotation the previous secret's too. */
    static String signatures(WebhookStore.Endpoint endpoint, String id, long timestamp, byte[] body, Instant now) {
        String signatures = WebhookSignature.forSecret(endpoint.secret()).sign(id, timestamp, body);
        if (endpoint.previousSecret().isPresent() && endpoint.previousSecretUntil().filter(now::isBefore).isPresent()) {
            signatures += " " + WebhookSignature.forSecret(endpoint.previousSecret().get()).sign(id, timestamp, body);
        }
        return signatures;
    }

    /** {@code Retry-After} as seconds or an HTTP date, at most a day. */
    static Optional<Duration> retryAfter(String value, Instant now) {
        String v = value.strip();
        try {
            if (v.chars().allMatch(Character::isDigit) && !v.isEmpty() && v.length() < 10) {
                return Optional.of(min(Duration.ofSeconds(Long.parseLong(v))));
            }
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(min(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO));
        } catch (DateTimeParseException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Duration min(Duration d) {
        return d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d;
    }
}
