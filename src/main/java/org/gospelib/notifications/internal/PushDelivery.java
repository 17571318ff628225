package org.gospelib.notifications.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends one notification to each browser a reader subscribed and each device their app registered,
 * at most once per key (the delivery log, as for email). A browser or device whose push service
 * says it is gone is forgotten; when none took the message and one may later, the job is retried.
 * A device whose platform has no sender configured is passed over.
 */
class PushDelivery {

    /** What the reader's service worker shows: a title, a line or two, and the page a click opens. */
    record Payload(String title, String body, String url, String tag) {
    }

    /** How long a push service keeps a message for a browser that is offline: a day's reminder is stale the next day. */
    static final Duration TTL = Duration.ofHours(12);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PushSubscriptions subscriptions;
    private final WebPushSender sender;
    private final PushDevices devices;
    private final Map<PushDevices.Platform, DeviceSender> deviceSenders;
    private final DeliveryLog deliveries;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final MeterRegistry meters;

    PushDelivery(PushSubscriptions subscriptions, WebPushSender sender, PushDevices devices, List<DeviceSender> deviceSenders,
            DeliveryLog deliveries, TransactionTemplate transactions, Clock clock, MeterRegistry meters) {
        this.subscriptions = subscriptions;
        this.sender = sender;
        this.devices = devices;
        this.deviceSenders = new EnumMap<>(PushDevices.Platform.class);
        deviceSenders.forEach(s -> this.deviceSenders.put(s.platform(), s));
        this.deliveries = deliveries;
        this.transactions = transactions;
        this.clock = clock;
        this.meters = meters;
    }

    DeliveryLog.Status deliver(String key, UUID userId, String kind, Supplier<Optional<Payload>> draft) throws Exception {
        // how many browsers took it is the finished row's detail
        Optional<DeliveryLog.Status> before = transactions.execute(tx -> deliveries.begin(key, Optional.of(userId), kind, "push",
                "the reader's browsers and devices", "push", clock.instant()));
        if (before.isPresent() && (before.get() == DeliveryLog.Status.SENT || before.get() == DeliveryLog.Status.SKIPPED)) {
            return before.get();
        }
        List<PushSubscriptions.Subscription> browsers = subscriptions.of(userId);
        List<PushDevices.Device> phones = devices.of(userId).stream().filter(d -> deviceSenders.containsKey(d.platform())).toList();
        int targets = browsers.size() + phones.size();
        if (targets == 0) return finish(key, kind, DeliveryLog.Status.SKIPPED, "no browser, and no device this server can reach, is subscribed");
        Optional<Payload> payload = draft.get();
        if (payload.isEmpty()) return finish(key, kind, DeliveryLog.Status.SKIPPED, "nothing to remind of that day");
        byte[] bytes = JSON.writeValueAsBytes(payload.get());
        int sent = 0;
        int later = 0;
        for (PushSubscriptions.Subscription browser : browsers) {
            switch (sender.send(browser, bytes, TTL, kind)) {
                case SENT -> sent++;
                case GONE -> transactions.executeWithoutResult(tx -> subscriptions.gone(browser.id()));
                case RETRY -> later++;
                case REFUSED -> { }
            }
        }
        for (PushDevices.Device device : phones) {
            switch (deviceSenders.get(device.platform()).send(device, payload.get(), TTL, kind)) {
                case SENT -> sent++;
                case GONE -> transactions.executeWithoutResult(tx -> devices.gone(device.id()));
                case RETRY -> later++;
                case REFUSED -> { }
            }
        }
        if (sent > 0) return finish(key, kind, DeliveryLog.Status.SENT, sent + " of " + targets + " browser(s) and device(s)");
        if (later > 0) throw new IllegalStateException("no push service took the " + kind + " message yet; " + later + " asked to retry");
        return finish(key, kind, DeliveryLog.Status.FAILED, "every push service refused it or forgot the browser or device");
    }

    /** The payload's body, cut to what a notification shows and a push message carries. */
    static String clip(String text) {
        return text.length() > 600 ? text.substring(0, 599) + "…" : text;
    }

    private DeliveryLog.Status finish(String key, String kind, DeliveryLog.Status status, String detail) {
        transactions.executeWithoutResult(tx -> deliveries.finish(key, status, Optional.empty(), Optional.of(detail), clock.instant()));
        meters.counter("gospelib.notifications.sent", "channel", "push", "kind", kind, "outcome",
                status.name().toLowerCase(Locale.ROOT)).increment();
        return status;
    }
}
