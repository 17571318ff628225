package org.gospelib.notifications.internal;

import com.eatthepath.pushy.apns.ApnsClient;
import com.eatthepath.pushy.apns.ApnsClientBuilder;
import com.eatthepath.pushy.apns.DeliveryPriority;
import com.eatthepath.pushy.apns.PushNotificationResponse;
import com.eatthepath.pushy.apns.PushType;
import com.eatthepath.pushy.apns.auth.ApnsSigningKey;
import com.eatthepath.pushy.apns.util.SimpleApnsPushNotification;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.gospelib.notifications.NotificationsProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * Apple's push service over HTTP/2 with token authentication (a JWT signed with the team's
 * {@code .p8} key, renewed by Pushy before Apple's hour runs out). A device APNs says is
 * unregistered or whose token is not one of this app's is gone; throttling and Apple's own errors
 * are retried.
 */
final class ApnsSender implements DeviceSender, AutoCloseable {

    /** The reasons APNs gives for a token that will never take a message again. */
    private static final Set<String> GONE = Set.of("Unregistered", "BadDeviceToken", "DeviceTokenNotForTopic");
    private static final Set<String> LATER = Set.of("TooManyRequests", "InternalServerError", "ServiceUnavailable", "Shutdown",
            "ExpiredProviderToken");

    // the payload Apple documents: https://developer.apple.com/documentation/usernotifications/generating-a-remote-notification
    record Payload(Aps aps, String url) {
    }

    record Aps(Alert alert, String sound, @JsonProperty("thread-id") String threadId) {
    }

    record Alert(String title, String body) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ApnsClient client;
    private final String topic;
    private final Clock clock;

    ApnsSender(ApnsClient client, String topic, Clock clock) {
        this.client = client;
        this.topic = topic;
        this.clock = clock;
    }

    static ApnsSender create(NotificationsProperties.Apns apns, Clock clock) throws Exception {
        ApnsClientBuilder builder = new ApnsClientBuilder().setApnsServer(apns.host(), apns.port())
                .setSigningKey(ApnsSigningKey.loadFromPkcs8File(apns.key().orElseThrow().toFile(), apns.teamId(), apns.keyId()))
                .setConnectionTimeout(Duration.ofSeconds(10));
        if (apns.trusted().isPresent()) builder.setTrustedServerCertificateChain(apns.trusted().get().toFile());
        return new ApnsSender(builder.build(), apns.topic(), clock);
    }

    @Override
    public PushDevices.Platform platform() {
        return PushDevices.Platform.APNS;
    }

    @Override
    public PushOutcome send(PushDevices.Device device, PushDelivery.Payload payload, Duration ttl, String collapse)
            throws Exception {
        String body = new String(JSON.writeValueAsBytes(new Payload(new Aps(new Alert(payload.title(), payload.body()), "default",
                payload.tag()), payload.url())), StandardCharsets.UTF_8);
        SimpleApnsPushNotification notification = new SimpleApnsPushNotification(device.token().toLowerCase(java.util.Locale.ROOT),
                topic, body, clock.instant().plus(ttl), DeliveryPriority.CONSERVE_POWER, PushType.ALERT, collapse);
        PushNotificationResponse<SimpleApnsPushNotification> response;
        try {
            response = client.sendNotification(notification).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return PushOutcome.RETRY;
        }
        if (response.isAccepted()) return PushOutcome.SENT;
        String reason = response.getRejectionReason().orElse("");
        if (GONE.contains(reason) || response.getStatusCode() == 410) return PushOutcome.GONE;
        if (LATER.contains(reason) || response.getStatusCode() == 429 || response.getStatusCode() / 100 == 5) return PushOutcome.RETRY;
        return PushOutcome.REFUSED;
    }

    @Override
    public void close() {
        client.close();
    }
}
