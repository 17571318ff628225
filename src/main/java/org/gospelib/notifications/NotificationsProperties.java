package org.gospelib.notifications;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Notification settings, bound from {@code gospelib.notifications.*}. With nothing set, mail goes
 * to a mailbox folder under the data directory and links point at {@code http://localhost:8080}.
 *
 * @param publicUrl where readers reach GospeLib: the links in emails start with it
 * @param mail      how mail leaves
 * @param push      Web Push to readers' browsers
 */
@ConfigurationProperties("gospelib.notifications")
public record NotificationsProperties(URI publicUrl, Mail mail, Push push) {

    public NotificationsProperties {
        if (publicUrl == null) publicUrl = URI.create("http://localhost:8080");
        String url = publicUrl.toString();
        if (url.endsWith("/")) publicUrl = URI.create(url.substring(0, url.length() - 1));
        if (!"http".equals(publicUrl.getScheme()) && !"https".equals(publicUrl.getScheme())) {
            throw new IllegalArgumentException("gospelib.notifications.public-url must be an http(s) URL, not " + url);
        }
        if (mail == null) mail = new Mail(null, null, null, null);
        if (push == null) push = new Push(null, false);
    }

    /**
     * Web Push.
     *
     * @param subject                who runs this server, for push services (a {@code mailto:} or {@code https:} URI); by
     *                               default the sender's address
     * @param allowPrivateEndpoints  whether subscriptions may name http or private addresses (tests and closed networks only)
     */
    public record Push(String subject, boolean allowPrivateEndpoints) {
        public Push {
            if (subject == null) subject = "";
        }
    }

    /** How mail leaves. */
    public enum Transport {
        /** {@code .eml} files in a folder (collapsed default: nothing leaves the machine). */
        MAILBOX,
        /** An SMTP server, configured with Spring's {@code spring.mail.*}. */
        SMTP,
        /** Resend's HTTP API. */
        RESEND
    }

    /**
     * @param transport {@code mailbox} (default), {@code smtp} or {@code resend}
     * @param from      the sender, e.g. {@code GospeLib <hello@example.org>}
     * @param mailbox   the folder of the mailbox transport; {@code <data dir>/mailbox} if empty
     * @param resend    Resend's API
     */
    public record Mail(String transport, String from, Path mailbox, Resend resend) {
        public Mail {
            if (transport == null || transport.isBlank()) transport = "mailbox";
            transport = transport.strip().toLowerCase(Locale.ROOT);
            if (!transport.equals("mailbox") && !transport.equals("smtp") && !transport.equals("resend")) {
                throw new IllegalArgumentException("gospelib.notifications.mail.transport must be mailbox, smtp or resend, not "
                        + transport);
            }
            if (from == null || from.isBlank()) from = "GospeLib <no-reply@gospelib.localhost>";
            if (resend == null) resend = new Resend(null, null, null);
        }

        public Transport kind() {
            return Transport.valueOf(transport.toUpperCase(Locale.ROOT));
        }

        public Optional<Path> mailboxFolder() {
            return Optional.ofNullable(mailbox);
        }
    }

    /**
     * @param apiKey        the API key ({@code re_…})
     * @param baseUrl       the API's address; Resend's own if empty
     * @param webhookSecret the signing secret ({@code whsec_…}) of the webhook that reports bounces and complaints
     */
    public record Resend(String apiKey, URI baseUrl, String webhookSecret) {
        public Resend {
            if (apiKey == null) apiKey = "";
            if (baseUrl == null) baseUrl = URI.create("https://api.resend.com");
            if (webhookSecret == null) webhookSecret = "";
        }
    }
}
