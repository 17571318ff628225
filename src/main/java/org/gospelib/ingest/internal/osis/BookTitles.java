package org.gospelib.ingest.internal.osis;

import java.util.Objects;
import java.util.Optional;

/**
 * A book's names as its introduction entry ({@code Book 0:0}) gives them. Modules converted from
 * USFM carry the USFM book-name markers as milestones; the main title is the printed heading.
 *
 * @param book         OSIS id of the book these titles are for
 * @param shortName    running-header name ({@code x-usfm-h}), such as "Genesis"
 * @param longName     long table-of-contents name ({@code x-usfm-toc1}), such as "The First Book
 *                     of Moses, called Genesis"
 * @param shortTocName short table-of-contents name ({@code x-usfm-toc2})
 * @param abbreviation abbreviation ({@code x-usfm-toc3}), such as "Gen"
 * @param mainTitle    the {@code <title type="main">} text, several such titles joined by a space
 */
public record BookTitles(String book, Optional<String> shortName, Optional<String> longName,
                         Optional<String> shortTocName, Optional<String> abbreviation, Optional<String> mainTitle) {

    public BookTitles {
        Objects.requireNonNull(book, "book");
        Objects.requireNonNull(shortName, "shortName");
        Objects.requireNonNull(longName, "longName");
        Objects.requireNonNull(shortTocName, "shortTocName");
        Objects.requireNonNull(abbreviation, "abbreviation");
        Objects.requireNonNull(mainTitle, "mainTitle");
    }

    /** No titles known. */
    public static BookTitles none(String book) {
        return new BookTitles(book, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public boolean isEmpty() {
        return shortName.isEmpty() && longName.isEmpty() && shortTocName.isEmpty() && abbreviation.isEmpty()
                && mainTitle.isEmpty();
    }
}
