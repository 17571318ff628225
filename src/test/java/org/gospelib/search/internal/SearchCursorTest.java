package org.gospelib.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gospelib.search.internal.SearchQueryParserTest.assertType;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SearchCursorTest {

    private static final byte[] KEY = "a key of thirty-two bytes, or so".getBytes();
    private static final byte[] OTHER_KEY = "another key, of another process!".getBytes();

    @Test
    void roundTripsAndStaysOpaque() {
        Cursor cursor = new Cursor("q1", "idx", Cursor.Kind.AFTER_SCORE, Float.floatToIntBits(3.5f), 1234, 20);
        String encoded = cursor.encode(KEY);
        assertThat(encoded).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        assertThat(Cursor.decode(encoded, "q1", "idx", KEY)).isEqualTo(cursor);
    }

    @Test
    void refusesAnotherQueryAnotherIndexAndGarbage() {
        String encoded = new Cursor("q1", "idx", Cursor.Kind.AFTER_ORDINAL, 100, 7, 20).encode(KEY);
        assertType(() -> Cursor.decode(encoded, "q2", "idx", KEY), "invalid-cursor");
        assertType(() -> Cursor.decode(encoded, "q1", "rebuilt", KEY), "invalid-cursor");
        assertType(() -> Cursor.decode("!!!", "q1", "idx", KEY), "invalid-cursor");
        assertType(() -> Cursor.decode("AAAA", "q1", "idx", KEY), "invalid-cursor");
        String forged = Base64.getUrlEncoder().encodeToString("1|q1|idx|s|x|1|0".getBytes());
        assertType(() -> Cursor.decode(forged, "q1", "idx", KEY), "invalid-cursor");
        assertType(() -> Cursor.decode("A".repeat(300), "q1", "idx", KEY), "invalid-cursor");
    }

    @Test
    void refusesEditedAndForeignCursors() {
        Cursor cursor = new Cursor("q1", "idx", Cursor.Kind.AFTER_SCORE, Float.floatToIntBits(3.5f), 1234, 20);
        String encoded = cursor.encode(KEY);
        assertType(() -> Cursor.decode(encoded, "q1", "idx", OTHER_KEY), "invalid-cursor");
        // the same fields with the document moved past the end: the tag no longer matches
        String payload = encoded.substring(0, encoded.indexOf('.'));
        String moved = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(payload)).replace("|1234|", "|99999999|").getBytes());
        assertType(() -> Cursor.decode(moved + encoded.substring(encoded.indexOf('.')), "q1", "idx", KEY), "invalid-cursor");
        assertType(() -> Cursor.decode(payload, "q1", "idx", KEY), "invalid-cursor");
        assertType(() -> Cursor.decode(payload + ".", "q1", "idx", KEY), "invalid-cursor");
        assertType(() -> Cursor.decode(payload + ".%%", "q1", "idx", KEY), "invalid-cursor");
    }
}
