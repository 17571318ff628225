package org.gospelib.search.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Where the next page of a search starts, opaque to clients: base64url of
 * {@code 1|query|index|kind|a|b|seen}, a dot, and an HMAC-SHA256 tag of it (128 bits) under the
 * server's cursor key, so a client cannot forge or edit one. {@code query} fingerprints the
 * normalised request and {@code index} the index answered from, so a cursor is refused for
 * another query, and for an index rebuilt since (document ids would have moved).
 *
 * @param query fingerprint of the normalised request
 * @param index fingerprint of the index
 * @param kind  where the page starts, which says what {@code a} and {@code b} are
 * @param seen  hits returned before this page
 */
record Cursor(String query, String index, Kind kind, long a, long b, int seen) {

    /** Where a page starts; the letter is its form in the cursor. */
    enum Kind {
        /** After a score: {@code a} the score's float bits, {@code b} the document id. */
        AFTER_SCORE('s'),
        /** After a canonical ordinal: {@code a} the ordinal, {@code b} the document id. */
        AFTER_ORDINAL('o'),
        /** At an offset into a fused ranking: {@code a} the offset. */
        AT_OFFSET('n');

        final char letter;

        Kind(char letter) {
            this.letter = letter;
        }

        static java.util.Optional<Kind> of(String letter) {
            for (Kind k : values()) if (letter.length() == 1 && k.letter == letter.charAt(0)) return java.util.Optional.of(k);
            return java.util.Optional.empty();
        }
    }

    private static final int TAG_BYTES = 16;
    private static final int MAX_LENGTH = 240;

    String encode(byte[] key) {
        String raw = "1|" + query + "|" + index + "|" + kind.letter + "|" + a + "|" + b + "|" + seen;
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        return payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(tag(key, payload));
    }

    /** Decodes a cursor, checks that this server issued it, and that it belongs to this query and index. */
    static Cursor decode(String text, String query, String index, byte[] key) {
        if (text.length() > MAX_LENGTH) throw SearchProblems.invalidCursor("the cursor is not one this API issued");
        int dot = text.indexOf('.');
        String raw;
        try {
            if (dot < 0) throw new IllegalArgumentException("no tag");
            String payload = text.substring(0, dot);
            byte[] tag = Base64.getUrlDecoder().decode(text.substring(dot + 1));
            if (!MessageDigest.isEqual(tag, tag(key, payload))) throw new IllegalArgumentException("wrong tag");
            raw = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw SearchProblems.invalidCursor("the cursor is not one this API issued");
        }
        String[] parts = raw.split("\\|", -1);
        if (parts.length != 7 || !parts[0].equals("1") || Kind.of(parts[3]).isEmpty()) {
            throw SearchProblems.invalidCursor("the cursor is not one this API issued");
        }
        Cursor cursor;
        try {
            cursor = new Cursor(parts[1], parts[2], Kind.of(parts[3]).orElseThrow(), Long.parseLong(parts[4]), Long.parseLong(parts[5]),
                    Integer.parseInt(parts[6]));
        } catch (NumberFormatException e) {
            throw SearchProblems.invalidCursor("the cursor is not one this API issued");
        }
        if (cursor.seen < 0 || cursor.b < 0 || cursor.b > Integer.MAX_VALUE || (cursor.kind == Kind.AT_OFFSET && cursor.a < 0)) {
            throw SearchProblems.invalidCursor("the cursor is not one this API issued");
        }
        if (!cursor.query.equals(query)) throw SearchProblems.invalidCursor("the cursor belongs to another query");
        if (!cursor.index.equals(index)) {
            throw SearchProblems.invalidCursor("the index has been rebuilt since this cursor was issued; start again");
        }
        return cursor;
    }

    private static byte[] tag(byte[] key, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)), TAG_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
