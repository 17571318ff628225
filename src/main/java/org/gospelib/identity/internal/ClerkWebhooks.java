package org.gospelib.identity.internal;

import java.time.Clock;

/** Verifies a Clerk webhook delivery, then applies it. */
class ClerkWebhooks {

    private final SvixSignature signature;
    private final ClerkUserSync sync;
    private final Clock clock;

    ClerkWebhooks(SvixSignature signature, ClerkUserSync sync, Clock clock) {
        this.signature = signature;
        this.sync = sync;
        this.clock = clock;
    }

    ClerkUserSync.Result receive(String id, String timestamp, String signatures, byte[] body) {
        String deliveryId = signature.verify(id, timestamp, signatures, body, clock.instant());
        return sync.apply(deliveryId, body);
    }
}
