package org.gospelib.notifications.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.gospelib.notifications.NotificationsProperties;
import org.gospelib.platform.ProblemException;
import org.gospelib.platform.WebhookSignature;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Resend's webhook (signed by Svix: {@code svix-id}, {@code svix-timestamp}, {@code svix-signature}
 * over the raw body): a hard bounce stops all mail to the address, a complaint stops what the
 * reader did not ask for. A delivery whose signature does not verify changes nothing; one seen
 * twice changes nothing more.
 */
@RestController
@Tag(name = "Notifications")
class ResendWebhookController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final NotificationsProperties properties;
    private final Suppressions suppressions;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ResendWebhookController(NotificationsProperties properties, Suppressions suppressions, TransactionTemplate transactions,
            Clock clock) {
        this.properties = properties;
        this.suppressions = suppressions;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** @param result {@code suppressed} (an address will get no more mail of some sort) or {@code ignored} */
    record Received(String result, List<String> addresses) {
    }

    @PostMapping("/v1/notifications/webhooks/resend")
    @Operation(summary = "Resend's bounce and complaint webhook", description = "email.bounced (permanent) and email.complained.")
    ResponseEntity<Received> receive(@RequestHeader(name = "svix-id", required = false) String id,
            @RequestHeader(name = "svix-timestamp", required = false) String timestamp,
            @RequestHeader(name = "svix-signature", required = false) String signature,
            @RequestBody(required = false) byte[] body) {
        String secret = properties.mail().resend().webhookSecret();
        if (secret.isBlank()) {
            throw new ProblemException("webhooks-disabled", "Webhook not configured", 404,
                    "set gospelib.notifications.mail.resend.webhook-secret to receive Resend's webhooks");
        }
        byte[] raw = body == null ? new byte[0] : body;
        WebhookSignature.forSecret(secret).verify(id, timestamp, signature, raw, clock.instant());
        JsonNode event;
        try {
            event = JSON.readTree(raw);
        } catch (RuntimeException e) {
            throw new ProblemException("invalid-webhook-body", "Invalid webhook body", 400, "the body is not JSON");
        }
        String type = event.path("type").asString("");
        JsonNode data = event.path("data");
        Suppressions.Reason reason;
        if (type.equals("email.bounced") && !data.path("bounce").path("type").asString("").equalsIgnoreCase("Transient")) {
            reason = Suppressions.Reason.BOUNCED;
        } else if (type.equals("email.complained")) {
            reason = Suppressions.Reason.COMPLAINED;
        } else {
            return ResponseEntity.ok(new Received("ignored", List.of()));
        }
        List<String> addresses = new ArrayList<>();
        for (JsonNode to : data.path("to")) {
            if (to.isString() && !to.asString().isBlank() && to.asString().length() <= 320) addresses.add(to.asString());
        }
        String detail = type + " " + data.path("bounce").path("message").asString("") + " (" + id + ")";
        transactions.executeWithoutResult(tx -> addresses.forEach(a -> suppressions.add(a, reason, detail.strip(), clock.instant())));
        return ResponseEntity.ok(new Received(addresses.isEmpty() ? "ignored" : "suppressed", addresses));
    }
}
