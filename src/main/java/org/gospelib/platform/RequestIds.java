package org.gospelib.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The id every request carries through the logs of each process it reaches: taken from a
 * well-formed {@value #HEADER} header or made up where the request enters, and passed on by the
 * gateway to the service it proxies to, so one id names the request everywhere.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    /** The request attribute holding the id of the request being served. */
    public static final String ATTRIBUTE = RequestIds.class.getName();

    private RequestIds() {
    }

    public static Optional<String> of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof String id ? Optional.of(id) : Optional.empty();
    }
}
