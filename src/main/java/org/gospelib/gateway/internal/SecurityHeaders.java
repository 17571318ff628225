package org.gospelib.gateway.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Headers that make API answers inert in a browser: not sniffed, not framed, not leaking the
 * referrer. Only what a JSON API needs (OWASP REST Security), since every byte goes out with every
 * answer: HSTS only over TLS, where browsers heed it; no headers meant for HTML documents, except
 * on the API documentation pages, which also run scripts and so do not get the strict CSP.
 */
final class SecurityHeaders {

    private SecurityHeaders() {
    }

    static void apply(String path, HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (request.isSecure()) response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        if (path.startsWith("/v1/docs") || path.startsWith("/v1/swagger-ui")) {
            response.setHeader("X-Frame-Options", "DENY");
        } else {
            response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        }
    }
}
