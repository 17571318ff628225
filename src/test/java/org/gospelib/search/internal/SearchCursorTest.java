package org.gospelib.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gospelib.search.internal.SearchQueryParserTest.assertType;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SearchCursorTest {

    @Test
    void roundTripsAndStaysOpaque() {
        Cursor cursor = new Cursor("q1", "idx", 's', Float.floatToIntBits(3.5f), 1234, 20);
        String encoded = cursor.encode();
        assertThat(encoded).matches("[A-Za-z0-9_-]+");
        assertThat(Cursor.decode(encoded, "q1", "idx")).isEqualTo(cursor);
    }

    @Test
    void refusesAnotherQueryAnotherIndexAndGarbage() {
        String encoded = new Cursor("q1", "idx", 'o', 100, 7, 20).encode();
        assertType(() -> Cursor.decode(encoded, "q2", "idx"), "invalid-cursor");
        assertType(() -> Cursor.decode(encoded, "q1", "rebuilt"), "invalid-cursor");
        assertType(() -> Cursor.decode("!!!", "q1", "idx"), "invalid-cursor");
        assertType(() -> Cursor.decode("AAAA", "q1", "idx"), "invalid-cursor");
        String forged = Base64.getUrlEncoder().encodeToString("1|q1|idx|s|x|1|0".getBytes());
        assertType(() -> Cursor.decode(forged, "q1", "idx"), "invalid-cursor");
        assertType(() -> Cursor.decode("A".repeat(300), "q1", "idx"), "invalid-cursor");
    }
}
