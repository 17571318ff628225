package org.gospelib.notifications.internal;

import java.util.Map;
import java.util.Objects;

/**
 * A message ready to leave: one recipient, a subject, the same content as plain text and HTML,
 * extra headers (List-Unsubscribe on what is not transactional), and the key that makes sending it
 * twice recognisable (Resend's {@code Idempotency-Key}, the mailbox file's name).
 */
record OutgoingMail(String to, String subject, String text, String html, Map<String, String> headers,
        String idempotencyKey) {

    OutgoingMail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }
}
