package org.gospelib.notifications.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;

/**
 * An {@link OutgoingMail} as an RFC 5322 message: {@code multipart/alternative} with the plain text
 * first and the HTML last (the richest part last, RFC 2046), UTF-8 throughout. The SMTP and the
 * mailbox transports write the same message, so the mailbox shows exactly what SMTP would send.
 */
final class MimeMails {

    private MimeMails() {
    }

    static MimeMessage build(Session session, String from, OutgoingMail mail) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        fill(message, from, mail);
        return message;
    }

    static void fill(MimeMessage message, String from, OutgoingMail mail) throws MessagingException {
        message.setFrom(new InternetAddress(from, true));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(mail.to(), true));
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        for (Map.Entry<String, String> header : mail.headers().entrySet()) message.setHeader(header.getKey(), header.getValue());
        message.saveChanges();
    }
}
