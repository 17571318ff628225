package org.gospelib.notifications.internal;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * Mail written to a folder as {@code .eml} files (open them with any mail program), one per
 * message, named after its idempotency key so a retried send replaces its file. Collapsed
 * GospeLib's default: nothing leaves the machine until SMTP or Resend is configured.
 */
final class MailboxTransport implements MailTransport {

    private final Path folder;
    private final String from;
    private final Session session = Session.getInstance(new Properties());

    MailboxTransport(Path folder, String from) {
        this.folder = folder;
        this.from = from;
    }

    @Override
    public String send(OutgoingMail mail) throws Exception {
        MimeMessage message = MimeMails.build(session, from, mail);
        Files.createDirectories(folder);
        String name = mail.idempotencyKey().replaceAll("[^A-Za-z0-9._-]", "_") + ".eml";
        Path target = folder.resolve(name);
        Path temporary = folder.resolve(name + ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            message.writeTo(out);
        }
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return message.getMessageID();
    }

    @Override
    public String name() {
        return "mailbox";
    }

    Path folder() {
        return folder;
    }
}
