package org.gospelib.notifications.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

/**
 * Sends one encrypted message to a browser's push service (RFC 8030), signed with the VAPID key.
 * The endpoint came from a client, so it is checked before anything is sent to it: https, on a
 * public address (unless private addresses are allowed, for tests and closed networks).
 */
final class WebPushSender {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final VapidKeys keys;
    private final boolean allowPrivate;
    private final Clock clock;

    WebPushSender(VapidKeys keys, boolean allowPrivate, Clock clock) {
        this.keys = keys;
        this.allowPrivate = allowPrivate;
        this.clock = clock;
    }

    /** Whether GospeLib may send to this endpoint: a problem message if not. */
    java.util.Optional<String> refusal(String endpoint) {
        URI uri;
        try {
            uri = URI.create(endpoint);
        } catch (IllegalArgumentException e) {
            return java.util.Optional.of("not a URL");
        }
        if (endpoint.length() > 2_000) return java.util.Optional.of("longer than 2,000 characters");
        boolean https = "https".equals(uri.getScheme());
        if (!https && !(allowPrivate && "http".equals(uri.getScheme()))) return java.util.Optional.of("a push endpoint is an https URL");
        if (uri.getHost() == null || uri.getRawUserInfo() != null) return java.util.Optional.of("a push endpoint names a host and no user");
        if (allowPrivate) return java.util.Optional.empty();
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                        || address.isAnyLocalAddress() || address.isMulticastAddress()
                        || (address.getAddress().length == 16 && (address.getAddress()[0] & 0xfe) == 0xfc)) {
                    return java.util.Optional.of("a push endpoint is on a public address");
                }
            }
        } catch (UnknownHostException e) {
            return java.util.Optional.of("the push endpoint's host does not resolve");
        }
        return java.util.Optional.empty();
    }

    /**
     * @param topic replaces a message of the same topic the device has not received yet (RFC 8030 §5.4)
     */
    PushOutcome send(PushSubscriptions.Subscription subscription, byte[] payload, Duration ttl, String topic) throws Exception {
        if (refusal(subscription.endpoint()).isPresent()) return PushOutcome.REFUSED;
        URI endpoint = URI.create(subscription.endpoint());
        byte[] body = WebPushMessage.encrypt(payload, subscription.p256dh(), subscription.auth());
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .header("Authorization", keys.authorization(endpoint, clock.instant()))
                .header("Content-Encoding", "aes128gcm")
                .header("Content-Type", "application/octet-stream")
                .header("TTL", Long.toString(ttl.toSeconds()))
                .header("Urgency", "normal")
                .header("Topic", topic)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return PushOutcome.RETRY;
        }
        if (status / 100 == 2) return PushOutcome.SENT;
        if (status == 404 || status == 410) return PushOutcome.GONE;
        if (status == 429 || status / 100 == 5) return PushOutcome.RETRY;
        return PushOutcome.REFUSED;
    }
}
