package org.gospelib.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class RequestTargetTest {

    @Test
    void theSpellingsThatWalkedAroundTheGatewayAreRefused() {
        for (String path : new String[] {"/%761/auth/signup", "/v1;x=1/auth/signup", "//v1/auth/signup", "/v1/./auth/signup",
                "/x/../v1/auth/signup", "/v1/auth/signup/..", "/v1%2Fauth", "/v1\\auth", "/%2e%2e/v1", "/v1/%3B"}) {
            assertThat(RequestTarget.checkPath(path)).as(path).map(RequestTarget.Refusal::type).contains("non-canonical-path");
        }
    }

    @Test
    void badEscapesAndControlCharactersAreEncodingErrors() {
        for (String path : new String[] {"/v1/verses/%FF", "/v1/%", "/v1/%G1", "/v1/a%2", "/v1/%00", "/v1/%C0%AF", "/v1/%ED%A0%80"}) {
            assertThat(RequestTarget.checkPath(path)).as(path).map(RequestTarget.Refusal::type).contains("invalid-encoding");
        }
        for (String query : new String[] {"q=Job%FF", "q=%", "x=%0", "q=a%00b", "q=%C3%28"}) {
            assertThat(RequestTarget.checkQuery(query)).as(query).map(RequestTarget.Refusal::type).contains("invalid-encoding");
        }
    }

    @Test
    void whatClientsReallySendPasses() {
        for (String path : new String[] {"/", "/v1/verses/John.3.16", "/read/KJV/Song/2", "/v1/search", "/v1/me/notes/1f0c",
                "/read/RV1909/Juan/3", "/v1/references/Cantar%20de%20los%20Cantares", "/lemmas/G26", "/v1/caf%C3%A9"}) {
            assertThat(RequestTarget.checkPath(path)).as(path).isEmpty();
        }
        for (String query : new String[] {"q=love+one+another", "q=Dios%20am%C3%B3", "ref=John%203%3A16&with=WEB,RV1909",
                "q=%E4%B8%AD%E6%96%87", "q=%F0%9F%98%80", "q=two%0Alines", "cursor=MXxx.AB-_", ""}) {
            assertThat(RequestTarget.checkQuery(query)).as(query).isEmpty();
        }
    }

    @Provide
    Arbitrary<String> targets() {
        Arbitrary<String> pieces = Arbitraries.of("/", "v1", "%76", ";", ".", "..", "%2e", "%2F", "%2f", "\\", "%5C", "%", "%F", "%FF",
                "%C3%A9", "é", "a", "-", "~", "%00", "%0A", "+", "%2B", "?", "#", "%3B", "%25", "%E2%80%8B", "%ED%A0%80");
        return pieces.list().ofMaxSize(12).map(list -> String.join("", list));
    }

    @Property(tries = 5000)
    void neverThrowsAndWhatPassesDecodesToTheSameSegments(@ForAll("targets") String raw) {
        String path = "/" + raw;
        Optional<RequestTarget.Refusal> refusal = RequestTarget.checkPath(path);
        assertThat(RequestTarget.checkQuery(raw)).isNotNull();
        if (refusal.isPresent()) return;
        // a path that passes means the same thing to whoever decodes it: decoding adds no separator,
        // no dot segment, no path parameter, and every segment decodes to text
        String decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        assertThat(decoded.split("/", -1).length).as(path).isEqualTo(path.split("/", -1).length);
        assertThat(decoded).as(path).doesNotContain(";", "\\", "//", "\u0000", "\ufffd");
        for (String segment : decoded.split("/", -1)) assertThat(segment).as(path).isNotIn(".", "..");
    }
}
