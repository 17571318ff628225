package org.gospelib.notifications.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.gospelib.identity.Caller;
import org.gospelib.platform.QueryParameters;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Every reader's notification deliveries as operators see them, failures first to find (admins only). */
@RestController
@Tag(name = "Operations")
class NotificationsAdminController {

    static final Set<String> STATUSES = Set.of("sending", "sent", "skipped", "failed");

    /** One message sent, or tried: {@code detail} says why it was skipped or failed. */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record AdminDelivery(Optional<UUID> userId, String kind, String channel, String recipient, String status, String transport,
            int attempts, Optional<String> detail, Instant createdAt, Instant updatedAt) {
    }

    record AdminDeliveries(List<AdminDelivery> deliveries) {
    }

    private final DeliveryLog deliveries;

    NotificationsAdminController(DeliveryLog deliveries) {
        this.deliveries = deliveries;
    }

    @GetMapping("/v1/admin/notifications/deliveries")
    @Operation(summary = "The latest 200 notification deliveries, newest first (admins only)")
    ResponseEntity<AdminDeliveries> deliveries(
            @Parameter(description = "Only one status: sending, sent, skipped or failed") @RequestParam Optional<String> status,
            HttpServletRequest request) {
        Caller.operator(request);
        if (status.isPresent() && !STATUSES.contains(status.get())) {
            throw QueryParameters.invalid("status", "status must be sending, sent, skipped or failed");
        }
        List<AdminDelivery> rows = deliveries.recent(status, 200);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new AdminDeliveries(rows));
    }

}
