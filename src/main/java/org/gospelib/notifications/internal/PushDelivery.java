package org.gospelib.notifications.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends one notification to each browser a reader subscribed, at most once per key (the
 * delivery log, as for email). A browser whose push service says it is gone is forgotten; when no
 * browser took the message and one may later, the job is retried.
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
    private final DeliveryLog deliveries;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final MeterRegistry meters;

    PushDelivery(PushSubscriptions subscriptions, WebPushSender sender, DeliveryLog deliveries, TransactionTemplate transactions,
            Clock clock, MeterRegistry meters) {
        this.subscriptions = subscriptions;
        this.sender = sender;
        this.deliveries = deliveries;
        this.transactions = transactions;
        this.clock = clock;
        this.meters = meters;
    }

    DeliveryLog.Status deliver(String key, UUID userId, String kind, Supplier<Optional<Payload>> draft) throws Exception {
        // how many browsers took it is the finished row's detail
        Optional<DeliveryLog.Status> before = transactions.execute(tx -> deliveries.begin(key, Optional.of(userId), kind, "push",
                "the reader's browsers", "webpush", clock.instant()));
        if (before.isPresent() && (before.get() == DeliveryLog.Status.SENT || before.get() == DeliveryLog.Status.SKIPPED)) {
            return before.get();
        }
        List<PushSubscriptions.Subscription> browsers = subscriptions.of(userId);
        if (browsers.isEmpty()) return finish(key, kind, DeliveryLog.Status.SKIPPED, "no browser is subscribed");
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
        if (sent > 0) return finish(key, kind, DeliveryLog.Status.SENT, sent + " of " + browsers.size() + " browser(s)");
        if (later > 0) throw new IllegalStateException("no push service took the " + kind + " message yet; " + later + " asked to retry");
        return finish(key, kind, DeliveryLog.Status.FAILED, "every browser's push service refused it or forgot the subscription");
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
