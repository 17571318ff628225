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
 * @param push      push to readers' browsers (Web Push) and to their app's devices (FCM, APNs)
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
        if (push == null) push = new Push(null, false, null, null);
    }

    /**
     * Push.
     *
     * @param subject                who runs this server, for push services (a {@code mailto:} or {@code https:} URI); by
     *                               default the sender's address
     * @param allowPrivateEndpoints  whether subscriptions may name http or private addresses (tests and closed networks only)
     * @param fcm                    Firebase Cloud Messaging, for the Android app; off unless its key is set
     * @param apns                   Apple's push service, for the iOS app; off unless its key is set
     */
    public record Push(String subject, boolean allowPrivateEndpoints, Fcm fcm, Apns apns) {
        public Push {
            if (subject == null) subject = "";
            if (fcm == null) fcm = new Fcm(null, null);
            if (apns == null) apns = new Apns(null, null, null, null, null, 0, null);
        }
    }

    /**
     * @param serviceAccount the Firebase project's service account key (JSON), whose {@code project_id} messages are sent for
     * @param baseUrl        FCM's address; Google's own if empty
     */
    public record Fcm(Path serviceAccount, URI baseUrl) {
        public Fcm {
            if (baseUrl == null) baseUrl = URI.create("https://fcm.googleapis.com");
        }

        public Optional<Path> key() {
            return Optional.ofNullable(serviceAccount);
        }
    }

    /**
     * @param signingKey         the team's APNs authentication key ({@code AuthKey_<keyId>.p8})
     * @param teamId             the Apple developer team's id
     * @param keyId              the key's id
     * @param topic              the app's bundle id
     * @param host               APNs' host: {@code api.push.apple.com} (default) or {@code api.sandbox.push.apple.com}
     * @param port               443 (default) or 2197
     * @param trustedCertificate a certificate to trust instead of the system's (a closed network's APNs proxy, tests)
     */
    public record Apns(Path signingKey, String teamId, String keyId, String topic, String host, int port, Path trustedCertificate) {
        public Apns {
            if (host == null || host.isBlank()) host = "api.push.apple.com";
            if (port == 0) port = 443;
            if (signingKey != null && (blank(teamId) || blank(keyId) || blank(topic))) {
                throw new IllegalArgumentException("gospelib.notifications.push.apns needs team-id, key-id and topic with its signing-key");
            }
        }

        public Optional<Path> key() {
            return Optional.ofNullable(signingKey);
        }

        public Optional<Path> trusted() {
            return Optional.ofNullable(trustedCertificate);
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
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
