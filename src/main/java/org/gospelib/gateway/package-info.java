/**
 * Gateway: what every {@code /v1} request passes through before any handler, in one servlet
 * filter that does not care where the handler runs: security headers, body size, the one
 * credential of the request (bearer token or web session, verified), access rules, CSRF for
 * cookie sessions, and token-bucket rate limits (in memory, or shared in Redis). CORS sits just
 * in front of it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Gateway")
package org.gospelib.gateway;
