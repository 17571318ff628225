package org.gospelib.ingest.internal.osis;

/**
 * Decodes XML character references: the five predefined entities and numeric references.
 * Anything else that starts with {@code &} (an undeclared entity, a bare ampersand, a reference
 * to an invalid code point) is kept literally, as a lenient reader should.
 */
final class Entities {

    private Entities() {
    }

    static String decode(String s) {
        int amp = s.indexOf('&');
        if (amp < 0) return s;
        StringBuilder out = new StringBuilder(s.length());
        int from = 0;
        while (amp >= 0) {
            out.append(s, from, amp);
            int semi = s.indexOf(';', amp + 1);
            // Entity names are short; a far-away ';' belongs to the text, not to this '&'.
            String decoded = semi > amp + 1 && semi - amp <= 12 ? resolve(s.substring(amp + 1, semi)) : null;
            if (decoded == null) {
                out.append('&');
                from = amp + 1;
            } else {
                out.append(decoded);
                from = semi + 1;
            }
            amp = s.indexOf('&', from);
        }
        return out.append(s, from, s.length()).toString();
    }

    private static String resolve(String name) {
        switch (name) {
            case "amp": return "&";
            case "lt": return "<";
            case "gt": return ">";
            case "quot": return "\"";
            case "apos": return "'";
            default: break;
        }
        if (name.length() < 2 || name.charAt(0) != '#') return null;
        try {
            boolean hex = name.charAt(1) == 'x' || name.charAt(1) == 'X';
            String digits = name.substring(hex ? 2 : 1);
            if (digits.isEmpty() || digits.charAt(0) == '-' || digits.charAt(0) == '+') return null;
            int codePoint = Integer.parseInt(digits, hex ? 16 : 10);
            if (!Character.isValidCodePoint(codePoint) || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) return null;
            return Character.toString(codePoint);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
