package org.gospelib.identity;

import java.util.Optional;

/** Resolves the web pages' session cookie to its caller and the CSRF token bound to it. */
public interface WebSessions {

    /** Name of the HttpOnly session cookie. */
    String SESSION_COOKIE = "__Host-gospelib-session";
    /** Name of the cookie the pages read the CSRF token from (not HttpOnly, by design). */
    String CSRF_COOKIE = "__Host-gospelib-csrf";
    /** Header that must echo the CSRF token on every state-changing request made with the session cookie. */
    String CSRF_HEADER = "X-CSRF-Token";

    /** The live session a cookie value names, if any. */
    Optional<WebSession> resolve(String sessionCookie);

    /**
     * @param caller who the session belongs to
     * @param csrfSha256 SHA-256 of the CSRF token issued with the session
     */
    record WebSession(Caller caller, byte[] csrfSha256) {
    }
}
