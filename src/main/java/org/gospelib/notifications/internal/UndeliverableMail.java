package org.gospelib.notifications.internal;

/** The transport refused the message for good: a retry would be refused the same way. */
final class UndeliverableMail extends Exception {

    UndeliverableMail(String message) {
        super(message);
    }
}
