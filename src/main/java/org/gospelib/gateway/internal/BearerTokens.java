package org.gospelib.gateway.internal;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the bearer token of a request from its {@code Authorization} headers (RFC 6750 section
 * 2.1). A request carries at most one credential: differing tokens, or a header that is not a
 * well-formed bearer token, are refused rather than guessed between.
 */
final class BearerTokens {

    /** RFC 6750 b64token, the specification {@link #isB64Token} is checked against in tests. */
    static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");
    /** Larger than any token we or an OpenID provider issue, small enough to bound parsing. */
    static final int MAX_LENGTH = 8192;

    private BearerTokens() {
    }

    /** What the headers hold. */
    sealed interface Extracted {
    }

    record None() implements Extracted {
    }

    record Token(String value) implements Extracted {
    }

    record Malformed(String reason) implements Extracted {
    }

    record Conflicting() implements Extracted {
    }

    static Extracted extract(List<String> authorizationHeaders) {
        String found = null;
        for (String header : authorizationHeaders) {
            Extracted one = parse(header);
            if (one instanceof Malformed) return one;
            String value = ((Token) one).value();
            if (found != null && !found.equals(value)) return new Conflicting();
            found = value;
        }
        return found == null ? new None() : new Token(found);
    }

    private static Extracted parse(String header) {
        if (header.length() > MAX_LENGTH + 7) return new Malformed("the Authorization header is too long");
        int space = header.indexOf(' ');
        if (space < 0 || !header.substring(0, space).toLowerCase(Locale.ROOT).equals("bearer")) {
            return new Malformed("only Bearer authorization is accepted");
        }
        String token = header.substring(space + 1).strip();
        if (!isB64Token(token)) return new Malformed("malformed bearer token");
        return new Token(token);
    }

    /** RFC 6750 b64token: {@code 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}; a loop, as this runs on every request. */
    static boolean isB64Token(String token) {
        int end = token.length();
        while (end > 0 && token.charAt(end - 1) == '=') end--;
        if (end == 0) return false;
        for (int i = 0; i < end; i++) {
            char c = token.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
            if (!ok) return false;
        }
        return true;
    }
}
