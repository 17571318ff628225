package org.gospelib.platform;

import java.util.Optional;

/**
 * Signs and verifies {@link InternalAssertion}s with the secret the processes of one deployment
 * share ({@code gospelib.internal.secret}). An assertion lives for seconds and names its request,
 * so one seen on the wire is good for nothing else.
 */
public interface InternalAssertions {

    String sign(InternalAssertion assertion);

    /** The assertion a header value carries, if it is well signed, unexpired and for this request. */
    Optional<InternalAssertion> verify(String header, String request);

    /** The request an assertion names: the method and the path, without the query. */
    static String requestOf(String method, String path) {
        return method + " " + path;
    }
}
