package org.gospelib.webhooks.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where webhooks may go: https URLs whose host resolves only to public addresses. Loopback,
 * private, link-local (cloud metadata at 169.254.169.254 included), carrier-grade NAT, unique-local
 * IPv6, multicast and reserved ranges are refused, so that a registered endpoint cannot make the
 * server call into its own network. Checked when an endpoint is registered and again before each
 * delivery (a name can be re-pointed). Plain http and private targets are allowed only by
 * configuration, for tests and closed networks.
 */
@Component
class WebhookTargets {

    static final int MAX_URL_LENGTH = 2_048;

    private final boolean allowHttp;
    private final boolean allowPrivate;

    WebhookTargets(@Value("${gospelib.webhooks.allow-http:false}") boolean allowHttp,
            @Value("${gospelib.webhooks.allow-private-targets:false}") boolean allowPrivate) {
        this.allowHttp = allowHttp;
        this.allowPrivate = allowPrivate;
    }

    /** The URL as a URI fit to send to, or a problem saying why not. */
    URI check(String url) {
        if (url == null || url.isBlank()) throw WebhooksProblems.invalidEndpoint("url is required");
        if (url.length() > MAX_URL_LENGTH) throw WebhooksProblems.invalidEndpoint("url is longer than " + MAX_URL_LENGTH + " characters");
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw WebhooksProblems.invalidEndpoint("url is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            throw WebhooksProblems.invalidEndpoint("url must be https");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw WebhooksProblems.invalidEndpoint("url must have a host, and no user information or fragment");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw WebhooksProblems.targetNotAllowed("the host " + uri.getHost() + " does not resolve");
        }
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                if (!isPublic(address)) {
                    throw WebhooksProblems.targetNotAllowed("the host resolves to a non-public address (" + address.getHostAddress() + ")");
                }
            }
        }
        return uri;
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) return isPublicV4(b);
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) return false;                 // fc00::/7 unique local
            if (first == 0xfe && (b[1] & 0xc0) == 0xc0) return false; // fec0::/10 site local (deprecated)
            if (first == 0x20 && b[1] == 0x01 && b[2] == 0x0d && (b[3] & 0xff) == 0xb8) return false; // 2001:db8::/32
            boolean mapped = true;                                    // ::ffff:a.b.c.d and ::a.b.c.d
            for (int i = 0; i < 10; i++) mapped &= b[i] == 0;
            if (mapped && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0))) {
                return isPublicV4(new byte[] {b[12], b[13], b[14], b[15]});
            }
            if (first == 0x20 && b[1] == 0x02) return isPublicV4(new byte[] {b[2], b[3], b[4], b[5]}); // 6to4
            if (first == 0x00 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b) {     // 64:ff9b::/96 NAT64
                return isPublicV4(new byte[] {b[12], b[13], b[14], b[15]});
            }
            return true;
        }
        return false;
    }

    private static boolean isPublicV4(byte[] b) {
        int a = b[0] & 0xff, s = b[1] & 0xff, t = b[2] & 0xff;
        if (a == 0 || a == 10 || a == 127 || a >= 224) return false;    // this network, private, loopback, multicast, reserved
        if (a == 100 && s >= 64 && s <= 127) return false;               // 100.64/10 carrier-grade NAT
        if (a == 169 && s == 254) return false;                          // link local, cloud metadata
        if (a == 172 && s >= 16 && s <= 31) return false;
        if (a == 192 && s == 168) return false;
        if (a == 192 && s == 0 && (t == 0 || t == 2)) return false;      // IETF protocol assignments, TEST-NET-1
        if (a == 198 && (s == 18 || s == 19)) return false;              // benchmarking
        if (a == 198 && s == 51 && t == 100) return false;               // TEST-NET-2
        if (a == 203 && s == 0 && t == 113) return false;                // TEST-NET-3
        return true;
    }
}
