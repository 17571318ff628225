package org.gospelib.notifications.internal;

/** A transport chosen but not configured: every send fails, saying what is missing. */
record UnconfiguredTransport(String name, String why) implements MailTransport {

    @Override
    public String send(OutgoingMail mail) {
        throw new IllegalStateException(why);
    }
}
