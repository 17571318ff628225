package org.gospelib.notifications.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.gospelib.identity.Accounts;
import org.gospelib.identity.Caller;
import org.gospelib.platform.ProblemException;

/** The notifications API's problems, and the signed-in reader they are about. */
final class NotificationsProblems {

    private NotificationsProblems() {
    }

    static ProblemException unknownKind(String kind) {
        return new ProblemException("unknown-reminder-kind", "Unknown reminder kind", 400,
                "no reminder kind '" + clip(kind) + "'; the kinds are plan-reminder, catch-up and verse-of-the-day");
    }

    static ProblemException invalidTimeZone(String zone) {
        return new ProblemException("invalid-time-zone", "Invalid time zone", 400,
                "'" + clip(zone) + "' is not an IANA time zone; use a name such as Europe/Madrid or America/Mexico_City");
    }

    static ProblemException invalidTime(String field, String value) {
        return new ProblemException("invalid-time", "Invalid time", 400,
                field + " '" + clip(value) + "' is not a time of day as HH:mm (00:00 to 23:59)", java.util.Map.of("field", field));
    }

    static ProblemException invalidQuietHours(String detail) {
        return new ProblemException("invalid-quiet-hours", "Invalid quiet hours", 400, detail);
    }

    static ProblemException unknownTranslation(String id) {
        return new ProblemException("unknown-translation", "Unknown translation", 400,
                "no translation '" + clip(id) + "' (see GET /v1/translations)");
    }

    static ProblemException unknownUnsubscribeToken() {
        return new ProblemException("invalid-unsubscribe-link", "Invalid unsubscribe link", 404,
                "this unsubscribe link is not one GospeLib sent, or its account is gone");
    }

    static ProblemException invalidPushSubscription(String field, String why) {
        return new ProblemException("invalid-push-subscription", "Invalid push subscription", 400, field + ": " + why,
                java.util.Map.of("field", field));
    }

    static ProblemException invalidPushDevice(String field, String why) {
        return new ProblemException("invalid-push-device", "Invalid push device", 400, field + ": " + why,
                java.util.Map.of("field", field));
    }

    /** A browser or device the reader does not have (or an id that is none). */
    static ProblemException notFound(String what) {
        return new ProblemException("not-found", "Not found", 404, "no such " + what);
    }

    /** The id in a path, which names nothing when it is not an id. */
    static UUID id(String value, String what) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw notFound(what);
        }
    }

    /** What a reader typed, shortened for an error message. */
    private static String clip(String value) {
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 60 ? printable.substring(0, 60) + "…" : printable;
    }

}
