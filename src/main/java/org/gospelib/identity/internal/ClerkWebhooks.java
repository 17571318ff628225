package org.gospelib.identity.internal;

import java.time.Clock;
import org.gospelib.platform.WebhookSignature;

/** Verifies a Clerk webhook delivery, then applies it. */
class ClerkWebhooks {

    private final WebhookSignature signature;
    private final ClerkUserSync sync;
    private final Clock clock;

    ClerkWebhooks(WebhookSignature signature, ClerkUserSync sync, Clock clock) {
        this.signature = signature;
        this.sync = sync;
        this.clock = clock;
    }

    ClerkUserSync.Result receive(String id, String timestamp, String signatures, byte[] body) {
        String deliveryId = signature.verify(id, timestamp, signatures, body, clock.instant());
        return sync.apply(deliveryId, body);
    }
}
