package org.gospelib.notifications.internal;

/** What a push service (a browser's, FCM or APNs) said about one message to one browser or device. */
enum PushOutcome {
    /** Accepted. */
    SENT,
    /** The browser or device is gone (unsubscribed, uninstalled, a token no longer valid): it is removed. */
    GONE,
    /** Try again later (429, 5xx, no answer). */
    RETRY,
    /** Refused for good (a payload too large, a bad key), or no sender for the device's platform is configured. */
    REFUSED
}
