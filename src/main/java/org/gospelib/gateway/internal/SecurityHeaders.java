package org.gospelib.gateway.internal;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Headers that make API answers inert in a browser: not sniffed, not framed, not leaking the
 * referrer. The API documentation pages run scripts, so they do not get the strict CSP.
 */
final class SecurityHeaders {

    private SecurityHeaders() {
    }

    static void apply(String path, HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        if (!path.startsWith("/v1/docs") && !path.startsWith("/v1/swagger-ui")) {
            response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        }
    }
}
