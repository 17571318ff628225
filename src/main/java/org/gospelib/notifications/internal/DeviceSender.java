package org.gospelib.notifications.internal;

import java.time.Duration;

/** Sends a reminder to a phone or tablet through its platform's push service (FCM or APNs). */
interface DeviceSender {

    PushDevices.Platform platform();

    /**
     * @param ttl      how long the push service keeps it for a device that is offline
     * @param collapse a newer message with the same key replaces this one if it was not delivered yet
     */
    PushOutcome send(PushDevices.Device device, PushDelivery.Payload payload, Duration ttl, String collapse) throws Exception;
}
