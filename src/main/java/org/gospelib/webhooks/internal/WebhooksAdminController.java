package org.gospelib.webhooks.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gospelib.audit.AuditLog;
import org.gospelib.audit.AuditedChange;
import org.gospelib.identity.Caller;
import org.gospelib.jobs.JobRequest;
import org.gospelib.jobs.Jobs;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every account's webhook endpoints as operators see them: which fail, what was delivered, a
 * message sent again, an endpoint disabled (admins only; each change in the audit log).
 */
@RestController
@Tag(name = "Operations")
class WebhooksAdminController {

    static final int LIST_LIMIT = 200;

    /** An endpoint with its owner; never its secret. */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record AdminEndpoint(UUID id, UUID owner, String url, List<String> eventTypes, boolean enabled, Optional<String> disabledReason,
            Optional<Instant> failingSince, Instant createdAt) {

        static AdminEndpoint of(WebhookStore.Endpoint e) {
            return new AdminEndpoint(e.id(), e.owner(), e.url(), e.eventTypes(), e.enabled(),
                    e.disabledReason().isEmpty() ? Optional.empty() : Optional.of(e.disabledReason()), e.failingSince(), e.createdAt());
        }
    }

    record AdminEndpoints(List<AdminEndpoint> endpoints) {
    }

    /** The state of an endpoint an operator changes, as the audit log keeps it. */
    record EndpointState(boolean enabled, String disabledReason) {
    }

    private final WebhookStore store;
    private final Jobs jobs;
    private final AuditLog audit;
    private final TransactionTemplate transactions;

    WebhooksAdminController(WebhookStore store, Jobs jobs, AuditLog audit, TransactionTemplate transactions) {
        this.store = store;
        this.jobs = jobs;
        this.audit = audit;
        this.transactions = transactions;
    }

    @GetMapping("/v1/admin/webhooks")
    @Operation(summary = "Every account's endpoints, failing and disabled ones first (admins only)")
    ResponseEntity<AdminEndpoints> endpoints(@RequestParam(defaultValue = "false") boolean troubled, HttpServletRequest request) {
        admin(request);
        return fresh(new AdminEndpoints(store.all(troubled, LIST_LIMIT).stream().map(AdminEndpoint::of).toList()));
    }

    @GetMapping("/v1/admin/webhooks/{id}/deliveries")
    @Operation(summary = "An endpoint's delivery attempts, newest first (the last 100; admins only)")
    ResponseEntity<WebhooksController.Deliveries> deliveries(@PathVariable UUID id, HttpServletRequest request) {
        admin(request);
        return fresh(new WebhooksController.Deliveries(store.deliveries(endpoint(id).id(), 100)));
    }

    @PostMapping("/v1/admin/webhooks/{id}/disable")
    @Operation(summary = "Stop delivering to an endpoint; its owner can enable it again (admins only)")
    ResponseEntity<AdminEndpoint> disable(@PathVariable UUID id, HttpServletRequest request) {
        Caller operator = admin(request);
        transactions.executeWithoutResult(tx -> {
            WebhookStore.Endpoint before = endpoint(id);
            store.disable(id, "disabled by an operator");
            WebhookStore.Endpoint after = endpoint(id);
            audit.record(AuditedChange.of(operator.subject(), "webhook.disable", "webhook:" + id,
                    new EndpointState(before.enabled(), before.disabledReason()), new EndpointState(after.enabled(), after.disabledReason())));
        });
        return fresh(AdminEndpoint.of(endpoint(id)));
    }

    @PostMapping("/v1/admin/webhooks/{id}/messages/{messageId}/replay")
    @Operation(summary = "Send a message to an endpoint again (admins only)")
    ResponseEntity<WebhooksController.MessageQueued> replay(@PathVariable UUID id, @PathVariable String messageId,
            HttpServletRequest request) {
        Caller operator = admin(request);
        WebhookStore.Endpoint endpoint = endpoint(id);
        if (messageId.length() > 120) throw WebhooksProblems.notFound("no such message");
        WebhookStore.Message message = store.message(messageId)
                .filter(m -> m.owner().isEmpty() || m.owner().get().equals(endpoint.owner()))
                .orElseThrow(() -> WebhooksProblems.notFound("no such message"));
        WebhooksController.MessageQueued queued = new WebhooksController.MessageQueued(message.id());
        transactions.executeWithoutResult(tx -> {
            jobs.enqueue(JobRequest.of(WebhookDelivery.KIND, message.id() + ":" + endpoint.id() + ":replay-" + UUID.randomUUID(),
                    new WebhookDelivery.Request(message.id(), endpoint.id())));
            audit.record(AuditedChange.action(operator.subject(), "webhook.replay", "webhook:" + id, queued));
        });
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(queued);
    }

    private WebhookStore.Endpoint endpoint(UUID id) {
        return store.find(id).orElseThrow(() -> WebhooksProblems.notFound("no such endpoint"));
    }

    private static Caller admin(HttpServletRequest request) {
        return Caller.operator(request);
    }

    private static <T> ResponseEntity<T> fresh(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }
}
