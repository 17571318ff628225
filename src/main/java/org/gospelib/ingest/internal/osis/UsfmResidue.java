package org.gospelib.ingest.internal.osis;

/**
 * USFM character markers that a conversion left in OSIS text. The KJV module, for one, has
 * {@code \nd LORD\+nd*} (USFM's divine-name markers) in a few dozen verses and notes, sometimes
 * next to real {@code <divineName>} tags. A marker is a backslash, an optional {@code +}, a
 * lowercase name and optional digits, then either {@code *} (closing) or one separating space
 * (opening). Markers never belong to the reading text.
 */
final class UsfmResidue {

    /** Receives the pieces of a text run. */
    interface Sink {
        void text(String text);

        void marker(String name, boolean closing);
    }

    private UsfmResidue() {
    }

    static void split(String s, Sink sink) {
        int bs = s.indexOf('\\');
        if (bs < 0) {
            sink.text(s);
            return;
        }
        int n = s.length();
        int from = 0;
        while (bs >= 0) {
            int j = bs + 1;
            if (j < n && s.charAt(j) == '+') j++;
            int nameStart = j;
            while (j < n && s.charAt(j) >= 'a' && s.charAt(j) <= 'z') j++;
            if (j == nameStart) {
                // A backslash that starts no marker is text.
                bs = s.indexOf('\\', bs + 1);
                continue;
            }
            while (j < n && Character.isDigit(s.charAt(j))) j++;
            String name = s.substring(nameStart, j);
            boolean closing = j < n && s.charAt(j) == '*';
            if (closing) j++;
            else if (j < n && s.charAt(j) == ' ') j++;
            if (bs > from) sink.text(s.substring(from, bs));
            sink.marker(name, closing);
            from = j;
            bs = s.indexOf('\\', from);
        }
        if (from < n) sink.text(s.substring(from));
    }

    /** The text without markers. */
    static String strip(String s) {
        if (s.indexOf('\\') < 0) return s;
        StringBuilder out = new StringBuilder(s.length());
        split(s, new Sink() {
            @Override
            public void text(String text) {
                out.append(text);
            }

            @Override
            public void marker(String name, boolean closing) {
                // Dropped: stripping only keeps text.
            }
        });
        return out.toString();
    }
}
