package org.gospelib.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.gospelib.platform.InternalAssertion;
import org.junit.jupiter.api.Test;

class HmacInternalAssertionsTest {

    private static final String SECRET = "a secret of more than thirty-two bytes, shared";
    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    private final HmacInternalAssertions assertions = new HmacInternalAssertions(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void whatTheGatewaySignsTheServiceReadsBackForThatRequestOnly() {
        String header = assertions.sign(new InternalAssertion("gateway", "GET /v1/me/notes", Optional.of("user-1"),
                List.of("admin", "user"), "plus"));
        InternalAssertion read = assertions.verify(header, "GET /v1/me/notes").orElseThrow();
        assertThat(read.subject()).contains("user-1");
        assertThat(read.roles()).containsExactly("admin", "user");
        assertThat(read.plan()).isEqualTo("plus");
        assertThat(read.issuer()).isEqualTo("gateway");
        assertThat(assertions.verify(header, "DELETE /v1/me/notes")).isEmpty();
        assertThat(assertions.verify(header, "GET /v1/me/notes/other")).isEmpty();
    }

    @Test
    void expiredTamperedForeignOrMalformedAssertionsAreRefused() {
        String header = assertions.sign(InternalAssertion.ofService("web", "GET /internal/content/version"));
        HmacInternalAssertions later = new HmacInternalAssertions(SECRET,
                Clock.fixed(NOW.plus(HmacInternalAssertions.LIFETIME).plus(Duration.ofSeconds(6)), ZoneOffset.UTC));
        assertThat(later.verify(header, "GET /internal/content/version")).isEmpty();
        HmacInternalAssertions other = new HmacInternalAssertions("another secret of more than thirty-two bytes",
                Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(other.verify(header, "GET /internal/content/version")).isEmpty();
        String[] parts = header.split("\\.");
        String forged = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
        assertThat(assertions.verify(forged, "GET /internal/content/version")).isEmpty();
        for (String junk : new String[] {"", "forged", "a.b.c", "eyJhbGciOiJub25lIn0.e30.", "x".repeat(5000)}) {
            assertThat(assertions.verify(junk, "GET /internal/content/version")).as(junk).isEmpty();
        }
        assertThat(assertions.verify(null, "GET /")).isEmpty();
    }

    @Test
    void aRepeatedAssertionIsReusedOnlyWhileMostOfItsLifeIsLeft() {
        Instant[] now = {NOW};
        Clock ticking = new Clock() {
            @Override
            public Instant instant() {
                return now[0];
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
        HmacInternalAssertions signing = new HmacInternalAssertions(SECRET, ticking);
        InternalAssertion anonymousRead = new InternalAssertion("gateway", "GET /v1/verses/John.3.16", Optional.empty(), List.of(), "");
        String first = signing.sign(anonymousRead);
        now[0] = NOW.plusSeconds(4);
        assertThat(signing.sign(anonymousRead)).isEqualTo(first);
        assertThat(signing.sign(new InternalAssertion("gateway", "GET /v1/verses/John.3.16", Optional.of("user-1"), List.of("user"),
                "free"))).as("another caller").isNotEqualTo(first);
        assertThat(signing.sign(new InternalAssertion("gateway", "GET /v1/verses/John.3.17", Optional.empty(), List.of(), "")))
                .as("another path").isNotEqualTo(first);
        now[0] = NOW.plus(HmacInternalAssertions.REUSE);
        String renewed = signing.sign(anonymousRead);
        assertThat(renewed).isNotEqualTo(first);
        now[0] = NOW.plus(HmacInternalAssertions.REUSE).plus(HmacInternalAssertions.LIFETIME);
        assertThat(signing.verify(renewed, "GET /v1/verses/John.3.16")).as("a reused assertion still has its life").isPresent();
        assertThat(signing.verify(renewed, "GET /v1/verses/John.3.17")).as("checked before, still bound to its request").isEmpty();
        now[0] = now[0].plusSeconds(10);
        assertThat(signing.verify(renewed, "GET /v1/verses/John.3.16")).as("checked before, expired now").isEmpty();
    }

    @Test
    void aShortSecretIsRefusedAtStart() {
        assertThatThrownBy(() -> new HmacInternalAssertions("too short", Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
    }
}
