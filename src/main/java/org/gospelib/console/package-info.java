/**
 * The operators' console: pages for the admin role only, filled from the admin API with the
 * operator's own session (so every figure it shows is one an operator's script can get), and the
 * audit log's read route. Hosted by the web service.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Console")
package org.gospelib.console;
