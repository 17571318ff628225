package org.gospelib.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.gospelib.platform.ProblemException;

class WebhookSignaturePropertiesTest {

    static final WebhookSignature SVIX = WebhookSignatureTest.SVIX;
    static final Instant NOW = WebhookSignatureTest.NOW;

    @Property(tries = 3000)
    void anySignatureHeaderParsesWithoutThrowing(@ForAll String header) {
        assertThat(WebhookSignature.parseV1Signatures(header)).allSatisfy(s -> assertThat(s).hasSize(32));
    }

    @Property(tries = 2000)
    void anyHeadersAndBodyAreEitherAcceptedOrAProblemNeverAnotherException(@ForAll String id, @ForAll String timestamp,
            @ForAll String signature, @ForAll byte[] body) {
        try {
            SVIX.verify(id, timestamp, signature, body, NOW);
            throw new AssertionError("accepted a random signature");
        } catch (ProblemException expected) {
            assertThat(expected.status()).isEqualTo(400);
            assertThat(expected.type()).startsWith("webhook-");
        }
    }

    @Property(tries = 500)
    void whatIsSignedVerifiesAndAnyChangedByteDoesNot(@ForAll @AlphaChars @NumericChars @StringLength(min = 1, max = 40) String id,
            @ForAll @LongRange(min = -300, max = 300) long offset, @ForAll byte[] body) {
        long timestamp = NOW.getEpochSecond() + offset;
        String signature = SVIX.sign(id, timestamp, body);
        assertThat(SVIX.verify(id, Long.toString(timestamp), signature, body, NOW)).isEqualTo(id);
        if (body.length > 0) {
            byte[] changed = body.clone();
            changed[(int) Math.floorMod(offset, body.length)] ^= 1;
            assertThatThrownBy(() -> SVIX.verify(id, Long.toString(timestamp), signature, changed, NOW))
                    .isInstanceOf(ProblemException.class);
        }
    }
}
