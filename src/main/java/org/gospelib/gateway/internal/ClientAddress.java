package org.gospelib.gateway.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The rate-limit key of an anonymous caller: its address, or, for IPv6, its /64 (one subscriber
 * usually holds a whole /64, so single addresses would be free to rotate through).
 */
final class ClientAddress {

    private ClientAddress() {
    }

    /**
     * @param remoteAddress     the connection's peer
     * @param forwardedFor      the {@code X-Forwarded-For} header, or null
     * @param trustForwardedFor whether a proxy we trust sets that header
     * @return the key, or empty when no valid address can be derived
     */
    static Optional<String> key(String remoteAddress, String forwardedFor, boolean trustForwardedFor) {
        String candidate = remoteAddress;
        if (trustForwardedFor && forwardedFor != null && !forwardedFor.isBlank()) {
            // The rightmost entry is the one our proxy appended; the others are the client's to forge.
            String[] hops = forwardedFor.split(",");
            candidate = hops[hops.length - 1].strip();
        }
        if (candidate == null || candidate.isEmpty() || candidate.length() > 45
                || !candidate.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
            return Optional.empty();
        }
        try {
            InetAddress address = InetAddress.ofLiteral(candidate);
            if (address instanceof Inet6Address v6) {
                byte[] prefix = java.util.Arrays.copyOf(v6.getAddress(), 8);
                return Optional.of("ip6:" + HexFormat.of().formatHex(prefix));
            }
            return Optional.of("ip:" + address.getHostAddress());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
