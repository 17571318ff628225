package org.gospelib.notifications.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gospelib.identity.Accounts;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The phones and tablets a reader's app registered for reminders (FCM and APNs tokens). */
@RestController
@Tag(name = "Notifications")
class DeviceController {

    private final PushDevices devices;
    private final Accounts accounts;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DeviceController(PushDevices devices, Accounts accounts, TransactionTemplate transactions, Clock clock) {
        this.devices = devices;
        this.accounts = accounts;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What the app sends: its platform ({@code fcm} or {@code apns}) and the token that platform gave it. */
    record NewDevice(String platform, String token) {
    }

    record DeviceJson(UUID id, String platform, Instant createdAt) {
    }

    record Devices(List<DeviceJson> devices) {
    }

    @PostMapping(path = "/v1/me/notifications/devices", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Remind the signed-in reader on this phone or tablet", description = "The app's push token: an FCM "
            + "registration token or an APNs device token. Reminders whose kinds have push on come to every device registered.")
    ResponseEntity<DeviceJson> register(@RequestBody NewDevice body, HttpServletRequest request) {
        UUID user = accounts.signedIn(request);
        PushDevices.Platform platform = PushDevices.Platform.of(body.platform())
                .orElseThrow(() -> NotificationsProblems.invalidPushDevice("platform", "fcm or apns"));
        String token = body.token() == null ? "" : body.token().strip();
        platform.refusal(token).ifPresent(why -> {
            throw NotificationsProblems.invalidPushDevice("token", why);
        });
        Instant now = clock.instant();
        UUID id = transactions.execute(tx -> devices.save(user, platform, token, now));
        return ResponseEntity.status(201).body(new DeviceJson(id, platform.id(), now));
    }

    @GetMapping("/v1/me/notifications/devices")
    @Operation(summary = "The devices the signed-in reader is reminded on", description = "Tokens are not shown.")
    ResponseEntity<Devices> list(HttpServletRequest request) {
        UUID user = accounts.signedIn(request);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new Devices(devices.of(user).stream()
                .map(d -> new DeviceJson(d.id(), d.platform().id(), d.createdAt())).toList()));
    }

    @DeleteMapping("/v1/me/notifications/devices/{id}")
    @Operation(summary = "Stop reminding the signed-in reader on a device")
    ResponseEntity<Void> remove(@PathVariable String id, HttpServletRequest request) {
        UUID user = accounts.signedIn(request);
        UUID parsed = NotificationsProblems.id(id, "device");
        if (!transactions.execute(tx -> devices.remove(user, parsed))) throw NotificationsProblems.notFound("device");
        return ResponseEntity.noContent().build();
    }
}
