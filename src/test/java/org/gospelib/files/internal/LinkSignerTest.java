package org.gospelib.files.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** A directory store's link holds only as signed, and only until it expires. */
class LinkSignerTest {

    final LinkSigner signer = new LinkSigner("a key of thirty-two bytes or more!".getBytes());
    final Instant now = Instant.parse("2026-12-05T12:00:00Z");

    @Property(tries = 300)
    void anyChangeToALinkRefusesIt(@ForAll("keys") String key, @ForAll @IntRange(min = 1, max = 900) int lifetime,
            @ForAll("changes") int change, @ForAll @IntRange(min = 0, max = 200) int at) {
        long expires = now.getEpochSecond() + lifetime;
        String name = "notes.pdf";
        String signature = signer.sign(key, expires, name);
        assertThat(signer.valid(key, Long.toString(expires), name, signature, now)).isTrue();
        switch (change) {
            case 0 -> assertThat(signer.valid(key + "x", Long.toString(expires), name, signature, now)).isFalse();
            case 1 -> assertThat(signer.valid(key, Long.toString(expires + 1), name, signature, now)).isFalse();
            case 2 -> assertThat(signer.valid(key, Long.toString(expires), "other.pdf", signature, now)).isFalse();
            case 3 -> {
                int i = at % signature.length();
                String flipped = signature.substring(0, i) + (signature.charAt(i) == 'A' ? 'B' : 'A') + signature.substring(i + 1);
                assertThat(signer.valid(key, Long.toString(expires), name, flipped, now)).isFalse();
            }
            case 4 -> assertThat(signer.valid(key, Long.toString(expires), name, signature, now.plusSeconds(lifetime))).isFalse();
            case 5 -> assertThat(signer.valid(key, "1e9", name, signature, now)).isFalse();
            default -> assertThat(new LinkSigner("another key of thirty-two bytes!!!".getBytes())
                    .valid(key, Long.toString(expires), name, signature, now)).isFalse();
        }
    }

    @Provide
    Arbitrary<String> keys() {
        return Arbitraries.strings().withChars("abcdef0123456789-/").ofMinLength(1).ofMaxLength(60).map(s -> "exports/" + s + ".pdf");
    }

    @Provide
    Arbitrary<Integer> changes() {
        return Arbitraries.integers().between(0, 6);
    }
}
