package org.gospelib.notifications.internal;

import java.util.Locale;
import org.gospelib.scripture.BookNames;

/**
 * OSIS references as a reader writes them, in their language: {@code Gen.1-Gen.3} is
 * "Genesis 1–3", {@code Ps.119.1-Ps.119.88} "Psalms 119:1–88" ("Salmos 119:1–88" in Spanish). A
 * reference it cannot read is given as it is.
 */
final class ReadingLabels {

    private static final BookNames NAMES = BookNames.standard();

    private ReadingLabels() {
    }

    static String of(String osis, Locale locale) {
        String[] ends = osis.split("-", 2);
        String[] a = ends[0].split("\\.");
        if (a.length < 2) return osis;
        String book = NAMES.nameIn(a[0], locale).orElse(a[0]);
        String start = a.length > 2 ? a[1] + ":" + a[2] : a[1];
        if (ends.length == 1) return book + " " + start;
        String[] b = ends[1].split("\\.");
        if (b.length < 2) return osis;
        if (!b[0].equals(a[0])) return book + " " + start + " – " + NAMES.nameIn(b[0], locale).orElse(b[0]) + " " + String.join(":",
                java.util.Arrays.copyOfRange(b, 1, b.length));
        if (a.length > 2 && b.length > 2) return book + " " + start + "–" + (b[1].equals(a[1]) ? b[2] : b[1] + ":" + b[2]);
        return book + " " + start + "–" + b[1];
    }
}
