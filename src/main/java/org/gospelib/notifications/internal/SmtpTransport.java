package org.gospelib.notifications.internal;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

/** Mail through an SMTP server, with Spring's {@link JavaMailSender} ({@code spring.mail.*}). */
final class SmtpTransport implements MailTransport {

    private final JavaMailSender sender;
    private final String from;

    SmtpTransport(JavaMailSender sender, String from) {
        this.sender = sender;
        this.from = from;
    }

    @Override
    public String send(OutgoingMail mail) throws Exception {
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMails.fill(message, from, mail);
        } catch (AddressException malformed) {
            throw new UndeliverableMail("not an address: " + malformed.getMessage());
        }
        try {
            sender.send(message);
        } catch (MailParseException malformed) {
            throw new UndeliverableMail(malformed.getMessage());
        } catch (MailSendException failed) {
            // a 5xx reply to RCPT TO is the server refusing the address for good
            if (failed.getMessage() != null && failed.getMessage().matches("(?s).*\\b55[0-9]\\b.*")) {
                throw new UndeliverableMail(failed.getMessage());
            }
            throw failed;
        }
        return message.getMessageID();
    }

    @Override
    public String name() {
        return "smtp";
    }
}
