package org.gospelib.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When keys are created, sign and stop being published, without a database. */
class KeyScheduleTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final Duration PERIOD = Duration.ofDays(30);
    static final Duration STILL_VALID = Duration.ofMinutes(16);

    static SigningKey key(Instant activation, Instant retired) {
        SigningKey generated = SigningKey.generate(activation);
        return new SigningKey(generated.jwk(), activation, Optional.ofNullable(retired));
    }

    @Test
    void theFirstKeyIsDueAtOnceThenAfterAPeriod() {
        assertThat(KeyRing.rotationDue(List.of(), T0, PERIOD)).isTrue();
        List<SigningKey> one = List.of(key(T0, null));
        assertThat(KeyRing.rotationDue(one, T0.plus(Duration.ofDays(29)), PERIOD)).isFalse();
        assertThat(KeyRing.rotationDue(one, T0.plus(Duration.ofDays(31)), PERIOD)).isTrue();
    }

    @Test
    void theNextKeyIsPublishedBeforeItSignsAndTheOldOneUntilItsTokensExpire() {
        Instant rotation = T0.plus(Duration.ofDays(31));
        Instant activation = rotation.plus(KeyRing.PROPAGATION);
        SigningKey old = key(T0, activation);
        SigningKey next = key(activation, null);
        List<SigningKey> keys = List.of(next, old);

        assertThat(KeyRing.rotationDue(keys, rotation, PERIOD)).as("a key is already waiting").isFalse();
        assertThat(KeyRing.signingAt(keys, rotation)).contains(old);
        assertThat(KeyRing.publishedAt(keys, rotation, STILL_VALID)).containsExactly(next, old);

        assertThat(KeyRing.signingAt(keys, activation)).contains(next);
        assertThat(KeyRing.publishedAt(keys, activation.plus(Duration.ofMinutes(15)), STILL_VALID)).containsExactly(next, old);
        assertThat(KeyRing.publishedAt(keys, activation.plus(Duration.ofMinutes(17)), STILL_VALID)).containsExactly(next);
    }
}
