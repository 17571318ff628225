package org.gospelib.notifications;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The mailbox folder the application writes mail to, read as a mail program would. */
public final class Mailbox {

    /** One message, as parsed from its {@code .eml} file. */
    public record Mail(Path file, String to, String subject, String text, String html, MimeMessage message) {

        /** The first link into GospeLib's account pages, with its secret. */
        public String link() {
            Matcher m = Pattern.compile("(http://\\S+/account/\\S+#token=[A-Za-z0-9_-]+)").matcher(text);
            if (!m.find()) throw new AssertionError("no account link in: " + text);
            return m.group(1);
        }

        public String token() {
            return link().substring(link().indexOf("#token=") + 7);
        }
    }

    private final Path folder;

    public Mailbox(Path folder) {
        this.folder = folder;
    }

    /** Every message to {@code to}, oldest first. */
    public List<Mail> to(String to) {
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> files = Files.list(folder)) {
            List<Mail> mails = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".eml")).sorted().toList()) {
                Mail mail = read(file);
                if (mail.to().equalsIgnoreCase(to)) mails.add(mail);
            }
            mails.sort((a, b) -> {
                try {
                    return a.message().getSentDate().compareTo(b.message().getSentDate());
                } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                }
            });
            return mails;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits up to 30 s for a message to {@code to} that matches. */
    public Mail await(String to, Predicate<Mail> matching) {
        return await(to, matching, Duration.ofSeconds(30));
    }

    /** Waits up to {@code timeout} for a message to {@code to} that matches. */
    public Mail await(String to, Predicate<Mail> matching, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Optional<Mail> found = to(to).stream().filter(matching).findFirst();
            if (found.isPresent()) return found.get();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no matching mail to " + to + " within " + timeout + "; it has "
                + to(to).stream().map(Mail::subject).toList());
    }

    public static Mail read(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
            Address[] to = message.getAllRecipients();
            Multipart parts = (Multipart) message.getContent();
            String text = "";
            String html = "";
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (part.isMimeType("text/plain")) text = (String) part.getContent();
                if (part.isMimeType("text/html")) html = (String) part.getContent();
            }
            return new Mail(file, Arrays.stream(to).findFirst().map(a -> ((jakarta.mail.internet.InternetAddress) a).getAddress())
                    .orElse(""), message.getSubject(), text, html, message);
        }
    }
}
