package org.gospelib.platform;

/**
 * Rules every module applies to text a user sends to be kept (names, notes, tags): no control
 * characters (PostgreSQL refuses NUL outright; the others break whatever displays the text
 * later), no half of a surrogate pair (it cannot be stored as UTF-8), and lengths counted in
 * characters as a reader sees them (code points), not in UTF-16 units.
 */
public final class UserText {

    private UserText() {
    }

    /**
     * Why the text cannot be kept, if it cannot: a control character (line breaks and tabs are
     * allowed when {@code multiline}) or an unpaired surrogate.
     */
    public static java.util.Optional<String> problem(String text, boolean multiline) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return java.util.Optional.of("contains half of a surrogate pair, which is not a character");
            }
            if (Character.isLowSurrogate(c)) return java.util.Optional.of("contains half of a surrogate pair, which is not a character");
            boolean lineBreakOrTab = c == '\n' || c == '\r' || c == '\t';
            if ((c < 0x20 && !(multiline && lineBreakOrTab)) || (c >= 0x7f && c <= 0x9f)) {
                return java.util.Optional.of("contains a control character (U+" + String.format("%04X", (int) c) + ")");
            }
        }
        return java.util.Optional.empty();
    }

    /** Characters as a reader counts them. */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
