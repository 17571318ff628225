package org.gospelib.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void keysByAddressAndIpv6ByItsSlash64() {
        assertThat(ClientAddress.key("203.0.113.7", null, false)).contains("ip:203.0.113.7");
        assertThat(ClientAddress.key("2001:db8:1:2:aaaa::1", null, false))
                .isEqualTo(ClientAddress.key("2001:db8:1:2:bbbb::9", null, false));
        assertThat(ClientAddress.key("2001:db8:1:2::1", null, false))
                .isNotEqualTo(ClientAddress.key("2001:db8:1:3::1", null, false));
    }

    @Test
    void trustsOnlyTheLastForwardedHopAndOnlyWhenConfigured() {
        assertThat(ClientAddress.key("10.0.0.1", "1.1.1.1, 198.51.100.2", true)).contains("ip:198.51.100.2");
        assertThat(ClientAddress.key("10.0.0.1", "1.1.1.1", false)).contains("ip:10.0.0.1");
        assertThat(ClientAddress.key("10.0.0.1", "1.1.1.1, not-an-ip", true)).isEmpty();
        assertThat(ClientAddress.key("", null, false)).isEmpty();
        assertThat(ClientAddress.key(null, null, false)).isEmpty();
    }

    @Property(tries = 2000)
    void neverThrows(@ForAll String remote, @ForAll String forwarded, @ForAll boolean trust) {
        Optional<String> key = ClientAddress.key(remote, forwarded, trust);
        assertThat(key).isNotNull();
    }
}
