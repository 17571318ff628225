package org.gospelib.gateway.internal;

/**
 * Who may call a route. Reading is open (the scripture, search and study APIs are public);
 * account routes need a user, and the operators' API an admin; anything else that changes state needs a user, so a new
 * write endpoint is closed until someone decides otherwise.
 */
final class AccessPolicy {

    enum Required { ANYONE, USER, ADMIN }

    private AccessPolicy() {
    }

    static Required required(String method, String path) {
        if (isConsole(path)) return Required.ADMIN;
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

    /**
     * The operators' API. To anyone but an admin it does not exist (404). The console's pages
     * ({@code /admin}) are open here like any page, and answer anyone but an admin as an address
     * nothing serves does: they hold no data, and a gateway's problem+json would tell they exist.
     */
    static boolean isConsole(String path) {
        return path.startsWith("/v1/admin/") || path.equals("/v1/admin");
    }

    /**
     * The console's pages: the gateway finds their caller as it does an API call's (the pages are
     * GETs, open like any page, and decide themselves who sees them).
     */
    static boolean isConsolePage(String path) {
        return path.equals("/admin") || path.startsWith("/admin/");
    }

    static boolean isSafe(String method) {
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    }
}
