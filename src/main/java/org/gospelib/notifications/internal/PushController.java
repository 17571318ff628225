package org.gospelib.notifications.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
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

/** The browsers a reader is reminded in: Web Push subscriptions, and the key they are made with. */
@RestController
@Tag(name = "Notifications")
class PushController {

    private final PushSubscriptions subscriptions;
    private final VapidKeys keys;
    private final WebPushSender sender;
    private final Accounts accounts;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PushController(PushSubscriptions subscriptions, VapidKeys keys, WebPushSender sender, Accounts accounts,
            TransactionTemplate transactions, Clock clock) {
        this.subscriptions = subscriptions;
        this.keys = keys;
        this.sender = sender;
        this.accounts = accounts;
        this.transactions = transactions;
        this.clock = clock;
    }

    record PublicKey(String publicKey) {
    }

    /** A browser's {@code PushSubscription.toJSON()}: its endpoint and its keys, base64url. */
    record SubscriptionKeys(String p256dh, String auth) {
    }

    record NewSubscription(String endpoint, SubscriptionKeys keys) {
    }

    record SubscriptionJson(UUID id, String endpoint, Instant createdAt) {
    }

    record Subscriptions(List<SubscriptionJson> subscriptions) {
    }

    @GetMapping("/v1/notifications/push/public-key")
    @Operation(summary = "The key browsers subscribe with", description = "Give it to pushManager.subscribe as applicationServerKey.")
    ResponseEntity<PublicKey> publicKey() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(new PublicKey(keys.publicKeyBase64()));
    }

    @PostMapping(path = "/v1/me/notifications/push-subscriptions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Remind the signed-in reader in this browser", description = "The body is the browser's "
            + "PushSubscription as JSON. Reminders whose kinds have push on come to every browser subscribed.")
    ResponseEntity<SubscriptionJson> subscribe(@RequestBody NewSubscription body, HttpServletRequest request) {
        UUID user = accounts.signedIn(request);
        String endpoint = body.endpoint() == null ? "" : body.endpoint().strip();
        sender.refusal(endpoint).ifPresent(why -> {
            throw NotificationsProblems.invalidPushSubscription("endpoint", why);
        });
        if (body.keys() == null) {
            throw NotificationsProblems.invalidPushSubscription("keys", "the subscription's keys (p256dh and auth) are missing");
        }
        byte[] p256dh = decode(body.keys().p256dh(), "keys.p256dh");
        byte[] auth = decode(body.keys().auth(), "keys.auth");
        try {
            WebPushMessage.publicKey(p256dh);
        } catch (java.security.GeneralSecurityException e) {
            throw NotificationsProblems.invalidPushSubscription("keys.p256dh", "not a P-256 public key (65 bytes, uncompressed)");
        }
        if (auth.length != 16) throw NotificationsProblems.invalidPushSubscription("keys.auth", "an auth secret is 16 bytes");
        Instant now = clock.instant();
        UUID id = transactions.execute(tx -> subscriptions.save(user, endpoint, p256dh, auth, now));
        return ResponseEntity.status(201).body(new SubscriptionJson(id, endpoint, now));
    }

    @GetMapping("/v1/me/notifications/push-subscriptions")
    @Operation(summary = "The browsers the signed-in reader is reminded in")
    ResponseEntity<Subscriptions> list(HttpServletRequest request) {
        UUID user = accounts.signedIn(request);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new Subscriptions(subscriptions.of(user).stream()
                .map(s -> new SubscriptionJson(s.id(), s.endpoint(), s.createdAt())).toList()));
    }

    @DeleteMapping("/v1/me/notifications/push-subscriptions/{id}")
    @Operation(summary = "Stop reminding the signed-in reader in a browser")
    ResponseEntity<Void> unsubscribe(@PathVariable String id, HttpServletRequest request) {
        UUID user = accounts.signedIn(request);
        UUID parsed = NotificationsProblems.id(id, "subscription");
        if (!transactions.execute(tx -> subscriptions.remove(user, parsed))) throw NotificationsProblems.notFound("subscription");
        return ResponseEntity.noContent().build();
    }

    private static byte[] decode(String value, String field) {
        if (value == null || value.isBlank() || value.length() > 200) {
            throw NotificationsProblems.invalidPushSubscription(field, "missing or too long");
        }
        try {
            return Base64.getUrlDecoder().decode(value.strip().replace('+', '-').replace('/', '_').replace("=", ""));
        } catch (IllegalArgumentException e) {
            throw NotificationsProblems.invalidPushSubscription(field, "not base64url");
        }
    }
}
