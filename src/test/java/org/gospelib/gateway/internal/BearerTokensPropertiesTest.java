package org.gospelib.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class BearerTokensPropertiesTest {

    @Property(tries = 2000)
    void anyHeadersGiveAnAnswerNeverAnException(@ForAll @Size(max = 4) List<String> headers) {
        assertThat(BearerTokens.extract(headers)).isNotNull();
    }

    @Property(tries = 500)
    void aWellFormedTokenIsReadBackExactly(@ForAll("b64tokens") String token, @ForAll("schemes") String scheme) {
        assertThat(BearerTokens.extract(List.of(scheme + " " + token))).isEqualTo(new BearerTokens.Token(token));
        assertThat(BearerTokens.extract(List.of(scheme + " " + token, "Bearer " + token))).isEqualTo(new BearerTokens.Token(token));
    }

    @Property(tries = 500)
    void twoDifferentTokensConflict(@ForAll("b64tokens") String a, @ForAll("b64tokens") String b) {
        BearerTokens.Extracted extracted = BearerTokens.extract(List.of("Bearer " + a, "Bearer " + b));
        if (a.equals(b)) assertThat(extracted).isEqualTo(new BearerTokens.Token(a));
        else assertThat(extracted).isInstanceOf(BearerTokens.Conflicting.class);
    }

    @Property(tries = 500)
    void otherSchemesAreMalformed(@ForAll("b64tokens") String token) {
        assertThat(BearerTokens.extract(List.of("Basic " + token))).isInstanceOf(BearerTokens.Malformed.class);
        assertThat(BearerTokens.extract(List.of("Bearer"))).isInstanceOf(BearerTokens.Malformed.class);
        assertThat(BearerTokens.extract(List.of("Bearer " + token + " extra"))).isInstanceOf(BearerTokens.Malformed.class);
        assertThat(BearerTokens.extract(List.of())).isInstanceOf(BearerTokens.None.class);
    }

    @Property(tries = 3000)
    void theCharacterLoopAgreesWithTheGrammar(@ForAll String candidate, @ForAll("b64tokens") String token) {
        assertThat(BearerTokens.isB64Token(candidate)).isEqualTo(BearerTokens.TOKEN.matcher(candidate).matches());
        assertThat(BearerTokens.isB64Token(token)).isTrue();
        assertThat(BearerTokens.isB64Token(token + "=a")).isFalse();
    }

    @Provide
    Arbitrary<String> b64tokens() {
        return Arbitraries.strings().withChars("ABCxyz0129-._~+/").ofMinLength(1).ofMaxLength(300)
                .flatMap(s -> Arbitraries.integers().between(0, 2).map(pad -> s + "=".repeat(pad)));
    }

    @Provide
    Arbitrary<String> schemes() {
        return Arbitraries.of("Bearer", "bearer", "BEARER", "bEaReR");
    }
}
