package org.gospelib.gateway.internal;

/**
 * Who may call a route. Reading is open (the scripture, search and study APIs are public);
 * account and admin routes are not; anything else that changes state needs a user, so a new
 * write endpoint is closed until someone decides otherwise.
 */
final class AccessPolicy {

    enum Required { ANYONE, USER, ADMIN }

    private AccessPolicy() {
    }

    static Required required(String method, String path) {
        if (path.startsWith("/v1/admin/") || path.equals("/v1/admin")) return Required.ADMIN;
        if (path.equals("/v1/me") || path.startsWith("/v1/me/")) return Required.USER;
        // the assistant answers, and keeps the questions of, signed-in readers only
        if (path.equals("/v1/assistant") || path.startsWith("/v1/assistant/")) return Required.USER;
        if (path.startsWith("/v1/auth/")) return Required.ANYONE;
        // one-click unsubscribe (RFC 8058) is posted by a mail program with only the link's token;
        // a mail service's bounce webhook and Stripe's webhook carry only their signatures
        if (path.equals("/v1/notifications/unsubscribe") || path.startsWith("/v1/notifications/webhooks/")
                || path.startsWith("/v1/billing/webhooks/")) {
            return Required.ANYONE;
        }
        if (isSafe(method)) return Required.ANYONE;
        return Required.USER;
    }

    static boolean isSafe(String method) {
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    }
}
