package org.gospelib.platform;

/**
 * Typed HTTP clients for the services this process does not run. A client is an interface of
 * {@code @HttpExchange} methods; calls go to the service's replicas in turn, signed with an
 * {@link InternalAssertion} of this process; a read that cannot reach one replica is tried on the
 * next, and a replica that keeps failing is skipped for a while (a circuit breaker per replica).
 * An answer that is a problem comes back as the same {@link ProblemException}; a service that
 * cannot be reached is a 503 {@code service-unavailable}.
 */
public interface ServiceClients {

    <T> T client(Service service, Class<T> api);
}
