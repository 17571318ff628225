/**
 * Platform: what every module needs and no module owns. The database (embedded PostgreSQL in
 * the collapsed topology, an external one when {@code gospelib.db.url} is set), RFC 9457 error
 * responses, request ids and probes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package org.gospelib.platform;
