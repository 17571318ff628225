package org.gospelib.notifications.internal;

/** Where mail leaves GospeLib: SMTP, Resend, or a mailbox folder. */
interface MailTransport {

    /**
     * Hands the message over; returns the id the transport gave it. Throws
     * {@link UndeliverableMail} when trying again cannot help (the address or the message was
     * refused), anything else when it may.
     */
    String send(OutgoingMail mail) throws Exception;

    /** For logs and the delivery log: {@code smtp}, {@code resend}, {@code mailbox}. */
    String name();
}
