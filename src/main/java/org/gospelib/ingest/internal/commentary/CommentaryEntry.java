package org.gospelib.ingest.internal.commentary;

import java.util.List;
import java.util.Objects;
import org.gospelib.scripture.VerseRef;

/**
 * One piece of commentary and the verses it covers.
 *
 * @param module              the SWORD module it comes from
 * @param start               first verse covered (KJV numbering)
 * @param end                 last verse covered, {@code start} for a single verse
 * @param title               a heading ({@code Verses 1-6}, the word a note explains), or ""
 * @param text                plain text, whitespace collapsed, paragraphs separated by a blank line
 * @param citedOsis           distinct normalised OSIS ranges the entry cites, in order of first citation
 * @param unresolvedCitations marked-up references that could not be read as scripture
 */
public record CommentaryEntry(String module, VerseRef start, VerseRef end, String title, String text,
        List<String> citedOsis, int unresolvedCitations) {

    public CommentaryEntry {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        citedOsis = List.copyOf(citedOsis);
        if (end.compareTo(start) < 0) throw new IllegalArgumentException("range runs backwards: " + start + "-" + end);
        if (unresolvedCitations < 0) throw new IllegalArgumentException("unresolvedCitations must be >= 0");
    }
}
