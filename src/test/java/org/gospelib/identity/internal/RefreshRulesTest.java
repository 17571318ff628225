package org.gospelib.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.gospelib.identity.internal.RefreshRules.Outcome;
import org.gospelib.identity.internal.RefreshRules.Presented;
import org.junit.jupiter.api.Test;

class RefreshRulesTest {

    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant LATER = NOW.plusSeconds(3600);

    @Test
    void aFreshTokenRotates() {
        assertThat(RefreshRules.decide(Optional.of(new Presented(LATER, Optional.empty(), Optional.empty())), NOW))
                .isEqualTo(Outcome.ROTATE);
    }

    @Test
    void aUsedTokenIsReuseEvenBeforeItExpires() {
        assertThat(RefreshRules.decide(Optional.of(new Presented(LATER, Optional.of(NOW), Optional.empty())), NOW))
                .isEqualTo(Outcome.REUSED);
    }

    @Test
    void aRevokedFamilyWinsOverEverythingElse() {
        assertThat(RefreshRules.decide(Optional.of(new Presented(LATER, Optional.of(NOW), Optional.of(NOW))), NOW))
                .isEqualTo(Outcome.REVOKED);
    }

    @Test
    void expiredAndUnknownAreRejected() {
        assertThat(RefreshRules.decide(Optional.of(new Presented(NOW, Optional.empty(), Optional.empty())), NOW))
                .isEqualTo(Outcome.EXPIRED);
        assertThat(RefreshRules.decide(Optional.empty(), NOW)).isEqualTo(Outcome.UNKNOWN);
    }
}
