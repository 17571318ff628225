package org.gospelib.gateway.internal;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Gateway settings, bound from {@code gospelib.gateway.*}.
 *
 * @param enabled           off only to measure what the gateway costs: nothing is then checked
 * @param maxBodySize       largest request body accepted
 * @param trustForwardedFor take the client address from {@code X-Forwarded-For} (only behind a proxy that sets it)
 * @param corsAllowedOrigins origins allowed to call the API from a browser; {@code *} for any (without credentials)
 */
@ConfigurationProperties("gospelib.gateway")
record GatewayProperties(Boolean enabled, DataSize maxBodySize, Boolean trustForwardedFor, List<String> corsAllowedOrigins) {

    GatewayProperties {
        if (enabled == null) enabled = true;
        if (maxBodySize == null) maxBodySize = DataSize.ofKilobytes(64);
        if (trustForwardedFor == null) trustForwardedFor = false;
        corsAllowedOrigins = corsAllowedOrigins == null ? List.of("*") : List.copyOf(corsAllowedOrigins);
    }
}
