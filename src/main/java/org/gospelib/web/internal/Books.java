package org.gospelib.web.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gospelib.scripture.BookLayout;
import org.gospelib.scripture.BookNames;
import org.gospelib.scripture.Versification;

/**
 * Books as the reader's URLs and headings name them: the URL uses the OSIS id ({@code John},
 * {@code 1John}) in KJV numbering; headings use the name in the translation's language.
 */
final class Books {

    private Books() {
    }

    static List<BookLayout> all() {
        return Versification.kjv().books();
    }

    /** The KJV layout of a book named in a URL: its OSIS id or any spelling, hyphens for spaces ({@code 1-co}). */
    static Optional<BookLayout> find(String name) {
        return Versification.kjv().bookNamed(name.replace('-', ' '));
    }

    static String name(String osisId, String language) {
        Locale locale = Locale.forLanguageTag(language);
        return BookNames.standard().nameIn(osisId, locale)
                .or(() -> BookNames.standard().englishName(osisId)).orElse(osisId);
    }

    /** The book before or after, in canonical order. */
    static Optional<BookLayout> neighbour(String osisId, int step) {
        List<BookLayout> books = all();
        int i = Versification.kjv().bookOrder(osisId) + step;
        return i >= 0 && i < books.size() ? Optional.of(books.get(i)) : Optional.empty();
    }
}
