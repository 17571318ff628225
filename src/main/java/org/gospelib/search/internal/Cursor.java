package org.gospelib.search.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where the next page of a search starts, opaque to clients: base64url of
 * {@code 1|query|index|kind|a|b|seen}. {@code query} fingerprints the normalised request and
 * {@code index} the index answered from, so a cursor is refused for another query, and for an
 * index rebuilt since (document ids would have moved).
 *
 * @param query fingerprint of the normalised request
 * @param index fingerprint of the index
 * @param kind  {@code s}: after a score ({@code a} = float bits, {@code b} = doc id);
 *              {@code o}: after a canonical ordinal ({@code a} = ordinal, {@code b} = doc id);
 *              {@code n}: at an offset into a fused ranking ({@code a} = offset)
 * @param seen  hits returned before this page
 */
record Cursor(String query, String index, char kind, long a, long b, int seen) {

    String encode() {
        String raw = "1|" + query + "|" + index + "|" + kind + "|" + a + "|" + b + "|" + seen;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor and checks it belongs to this query and index. */
    static Cursor decode(String text, String query, String index) {
        if (text.length() > 200) throw SearchProblems.invalidCursor("the cursor is not one this API issued");
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw SearchProblems.invalidCursor("the cursor is not one this API issued");
        }
        String[] parts = raw.split("\\|", -1);
        if (parts.length != 7 || !parts[0].equals("1") || parts[3].length() != 1 || "son".indexOf(parts[3].charAt(0)) < 0) {
            throw SearchProblems.invalidCursor("the cursor is not one this API issued");
        }
        Cursor cursor;
        try {
            cursor = new Cursor(parts[1], parts[2], parts[3].charAt(0), Long.parseLong(parts[4]), Long.parseLong(parts[5]),
                    Integer.parseInt(parts[6]));
        } catch (NumberFormatException e) {
            throw SearchProblems.invalidCursor("the cursor is not one this API issued");
        }
        if (cursor.seen < 0 || cursor.b < 0 || cursor.b > Integer.MAX_VALUE) {
            throw SearchProblems.invalidCursor("the cursor is not one this API issued");
        }
        if (!cursor.query.equals(query)) throw SearchProblems.invalidCursor("the cursor belongs to another query");
        if (!cursor.index.equals(index)) {
            throw SearchProblems.invalidCursor("the index has been rebuilt since this cursor was issued; start again");
        }
        return cursor;
    }
}
