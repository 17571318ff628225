package org.gospelib.webhooks.internal;

import java.util.Map;
import org.gospelib.platform.ProblemException;

/** Every problem the webhooks API answers with: its stable type, title and status. */
final class WebhooksProblems {

    private WebhooksProblems() {
    }

    static ProblemException notFound(String detail) {
        return new ProblemException("not-found", "Not found", 404, detail);
    }

    static ProblemException invalidEndpoint(String detail) {
        return new ProblemException("invalid-webhook-endpoint", "Invalid webhook endpoint", 400, detail);
    }

    static ProblemException targetNotAllowed(String detail) {
        return new ProblemException("webhook-target-not-allowed", "Webhook target not allowed", 400, detail);
    }

    static ProblemException unknownEventType(String type) {
        return new ProblemException("unknown-event-type", "Unknown event type", 400,
                "no event type " + type + " (see GET /v1/webhooks/event-types)", Map.of("eventType", type));
    }

    static ProblemException tooManyEndpoints(int max) {
        return new ProblemException("too-many-webhook-endpoints", "Too many webhook endpoints", 409,
                "an account has at most " + max + " endpoints");
    }

    static ProblemException malformedJson(String detail) {
        return new ProblemException("malformed-json", "Malformed JSON", 400, detail);
    }
}
