package org.gospelib.webhooks.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gospelib.identity.Accounts;
import org.gospelib.identity.Caller;
import org.gospelib.jobs.JobRequest;
import org.gospelib.jobs.Jobs;
import org.gospelib.platform.UserText;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A signed-in account's webhook endpoints: register, list, rotate, test, read the delivery log, replay. */
@RestController
@Tag(name = "Webhooks")
class WebhooksController {

    static final int MAX_DESCRIPTION = 200;
    static final int MAX_EVENT_TYPES = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a client sends to register an endpoint. */
    record NewEndpoint(String url, List<String> eventTypes, String description) {
    }

    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record EndpointView(UUID id, String url, String description, List<String> eventTypes, boolean enabled,
            Optional<String> disabledReason, Optional<Instant> failingSince, Instant createdAt) {

        static EndpointView of(WebhookStore.Endpoint e) {
            return new EndpointView(e.id(), e.url(), e.description(), e.eventTypes(), e.enabled(),
                    e.disabledReason().isEmpty() ? Optional.empty() : Optional.of(e.disabledReason()), e.failingSince(), e.createdAt());
        }
    }

    /** An endpoint with its signing secret: answered only when the secret is made. */
    record EndpointWithSecret(EndpointView endpoint, String secret) {
    }

    record Endpoints(List<EndpointView> endpoints) {
    }

    record EventTypesView(List<EventTypes.EventType> eventTypes) {
    }

    record Deliveries(List<WebhookStore.Delivery> deliveries) {
    }

    record MessageQueued(String messageId) {
    }

    private final WebhookStore store;
    private final WebhookTargets targets;
    private final WebhookFanOut fanOut;
    private final Accounts accounts;
    private final Jobs jobs;
    private final int maxEndpoints;

    WebhooksController(WebhookStore store, WebhookTargets targets, WebhookFanOut fanOut, Accounts accounts, Jobs jobs,
            @Value("${gospelib.webhooks.max-endpoints:20}") int maxEndpoints) {
        this.store = store;
        this.targets = targets;
        this.fanOut = fanOut;
        this.accounts = accounts;
        this.jobs = jobs;
        this.maxEndpoints = maxEndpoints;
    }

    @GetMapping("/v1/webhooks/event-types")
    @Operation(summary = "The event types an endpoint can subscribe to")
    EventTypesView eventTypes() {
        return new EventTypesView(EventTypes.ALL);
    }

    @PostMapping("/v1/me/webhooks")
    @Operation(summary = "Register an endpoint", description = "Answers its signing secret (whsec_…), shown only now and on rotation.")
    ResponseEntity<EndpointWithSecret> create(@RequestBody NewEndpoint body, HttpServletRequest request) {
        UUID owner = owner(request);
        if (body == null) throw WebhooksProblems.invalidEndpoint("a JSON object with url and eventTypes is required");
        String url = targets.check(body.url()).toString();
        List<String> types = eventTypes(body.eventTypes());
        String description = body.description() == null ? "" : body.description().strip();
        UserText.problem(description, false).ifPresent(p -> { throw WebhooksProblems.invalidEndpoint("description: " + p); });
        if (UserText.length(description) > MAX_DESCRIPTION) {
            throw WebhooksProblems.invalidEndpoint("description is longer than " + MAX_DESCRIPTION + " characters");
        }
        if (store.countOwnedBy(owner) >= maxEndpoints) throw WebhooksProblems.tooManyEndpoints(maxEndpoints);
        String secret = newSecret();
        WebhookStore.Endpoint endpoint = new WebhookStore.Endpoint(UUID.randomUUID(), owner, url, description, types, secret,
                Optional.empty(), Optional.empty(), true, "", Optional.empty(), Instant.now());
        store.create(endpoint);
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(new EndpointWithSecret(EndpointView.of(endpoint), secret));
    }

    @GetMapping("/v1/me/webhooks")
    @Operation(summary = "The account's endpoints")
    ResponseEntity<Endpoints> list(HttpServletRequest request) {
        return fresh(new Endpoints(store.ownedBy(owner(request)).stream().map(EndpointView::of).toList()));
    }

    @GetMapping("/v1/me/webhooks/{id}")
    @Operation(summary = "One endpoint")
    ResponseEntity<EndpointView> get(@PathVariable UUID id, HttpServletRequest request) {
        return fresh(EndpointView.of(owned(id, request)));
    }

    @DeleteMapping("/v1/me/webhooks/{id}")
    @Operation(summary = "Delete an endpoint and its delivery log")
    ResponseEntity<Void> delete(@PathVariable UUID id, HttpServletRequest request) {
        store.delete(owned(id, request).id());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/v1/me/webhooks/{id}/rotate-secret")
    @Operation(summary = "A new signing secret", description = "For 24 hours messages carry signatures with both the new and the previous secret.")
    ResponseEntity<EndpointWithSecret> rotate(@PathVariable UUID id, HttpServletRequest request) {
        WebhookStore.Endpoint endpoint = owned(id, request);
        String secret = newSecret();
        store.rotateSecret(endpoint.id(), secret, Instant.now().plus(WebhookDelivery.PREVIOUS_SECRET_VALIDITY));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new EndpointWithSecret(EndpointView.of(store.find(id).orElseThrow()), secret));
    }

    @PostMapping("/v1/me/webhooks/{id}/enable")
    @Operation(summary = "Enable an endpoint again after it was disabled")
    ResponseEntity<EndpointView> enable(@PathVariable UUID id, HttpServletRequest request) {
        WebhookStore.Endpoint endpoint = owned(id, request);
        targets.check(endpoint.url());
        store.enable(endpoint.id());
        return fresh(EndpointView.of(store.find(id).orElseThrow()));
    }

    @PostMapping("/v1/me/webhooks/{id}/test")
    @Operation(summary = "Send a webhook.test message to the endpoint")
    ResponseEntity<MessageQueued> test(@PathVariable UUID id, HttpServletRequest request) {
        WebhookStore.Endpoint endpoint = owned(id, request);
        if (!endpoint.enabled()) throw WebhooksProblems.invalidEndpoint("the endpoint is disabled; enable it first");
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new MessageQueued(fanOut.sendTest(endpoint)));
    }

    @GetMapping("/v1/me/webhooks/{id}/deliveries")
    @Operation(summary = "The endpoint's delivery attempts, newest first (the last 100)")
    ResponseEntity<Deliveries> deliveries(@PathVariable UUID id, HttpServletRequest request) {
        return fresh(new Deliveries(store.deliveries(owned(id, request).id(), 100)));
    }

    @PostMapping("/v1/me/webhooks/{id}/messages/{messageId}/replay")
    @Operation(summary = "Send a message to the endpoint again")
    ResponseEntity<MessageQueued> replay(@PathVariable UUID id, @PathVariable String messageId, HttpServletRequest request) {
        WebhookStore.Endpoint endpoint = owned(id, request);
        if (messageId.length() > 120) throw WebhooksProblems.notFound("no such message");
        WebhookStore.Message message = store.message(messageId)
                .filter(m -> m.owner().isEmpty() || m.owner().get().equals(endpoint.owner()))
                .orElseThrow(() -> WebhooksProblems.notFound("no such message"));
        jobs.enqueue(JobRequest.of(WebhookDelivery.KIND, message.id() + ":" + endpoint.id() + ":replay-" + UUID.randomUUID(),
                new WebhookDelivery.Request(message.id(), endpoint.id())));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new MessageQueued(message.id()));
    }

    private static List<String> eventTypes(List<String> requested) {
        if (requested == null || requested.isEmpty()) throw WebhooksProblems.invalidEndpoint("eventTypes must name at least one event type");
        if (requested.size() > MAX_EVENT_TYPES) throw WebhooksProblems.invalidEndpoint("at most " + MAX_EVENT_TYPES + " event types");
        LinkedHashSet<String> types = new LinkedHashSet<>();
        for (String type : requested) {
            if (type == null || !EventTypes.NAMES.contains(type)) {
                throw WebhooksProblems.unknownEventType(type == null ? "null" : type.length() > 80 ? type.substring(0, 80) : type);
            }
            types.add(type);
        }
        return new ArrayList<>(types);
    }

    private static String newSecret() {
        byte[] key = new byte[24];
        RANDOM.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    /** The caller's endpoint; someone else's answers as if it did not exist. */
    private WebhookStore.Endpoint owned(UUID id, HttpServletRequest request) {
        UUID owner = owner(request);
        return store.find(id).filter(e -> e.owner().equals(owner)).orElseThrow(() -> WebhooksProblems.notFound("no such endpoint"));
    }

    private UUID owner(HttpServletRequest request) {
        return accounts.signedIn(request);
    }

    private static <T> ResponseEntity<T> fresh(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }
}
