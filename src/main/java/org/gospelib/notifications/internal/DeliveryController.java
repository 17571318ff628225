package org.gospelib.notifications.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.gospelib.identity.Accounts;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A reader's own delivery log: what GospeLib sent them, where, and how it went. */
@RestController
@Tag(name = "Notifications", description = "What GospeLib sends readers")
class DeliveryController {

    private final DeliveryLog deliveries;
    private final Accounts accounts;

    DeliveryController(DeliveryLog deliveries, Accounts accounts) {
        this.deliveries = deliveries;
        this.accounts = accounts;
    }

    /** @param status sending, sent, skipped (no longer worth sending) or failed (refused by the mail service) */
    record DeliveryJson(String kind, String channel, String recipient, String status, Instant at) {
    }

    record Deliveries(List<DeliveryJson> deliveries) {
    }

    @GetMapping("/v1/me/notifications/deliveries")
    @Operation(summary = "What was sent to the signed-in reader", description = "The latest 100 messages, newest first.")
    ResponseEntity<Deliveries> deliveries(HttpServletRequest request) {
        UUID user = accounts.signedIn(request);
        List<DeliveryJson> rows = deliveries.of(user, 100).stream()
                .map(d -> new DeliveryJson(d.kind(), d.channel(), d.recipient(), d.status().name().toLowerCase(Locale.ROOT), d.at()))
                .toList();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new Deliveries(rows));
    }
}
