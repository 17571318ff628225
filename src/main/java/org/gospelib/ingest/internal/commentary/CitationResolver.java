package org.gospelib.ingest.internal.commentary;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.gospelib.scripture.OsisRange;
import org.gospelib.scripture.ParsedReference;
import org.gospelib.scripture.RangeOccurrence;
import org.gospelib.scripture.ReferenceParseException;
import org.gospelib.scripture.ReferenceParser;

/**
 * Turns the references commentaries write into normalised OSIS ranges.
 *
 * <p>Commentary modules do not keep to OSIS in {@code osisRef}: Scofield writes
 * {@code "lu 15:4 lu 15:6"} (abbreviations, spaces, several references in one value) and
 * {@code "Scofield:Heb 1:4"} (a note of its own, named by the verse it sits on). Both are read
 * with the reference parser, after dropping a work prefix and separating the references; only
 * when the value cannot be read is the printed text tried, because the text often leaves out
 * the book ({@code " 45:18"}) that the value still names.
 */
final class CitationResolver {

    /** A work prefix such as {@code Scofield:}, but not the book of {@code ge 1:5}. */
    private static final Pattern WORK_PREFIX = Pattern.compile("^[A-Za-z]\\w*:(?=\\s*\\D)");
    /** Where a new reference starts inside a space-separated value: before a book name and a number. */
    private static final Pattern NEXT_REFERENCE = Pattern.compile("\\s+(?=[1-3]?\\s?[A-Za-z]+\\.?\\s*\\d)");
    /** Lenient parsing takes at most this many characters at a time. */
    private static final int CHUNK = 1_500;

    private final ReferenceParser parser = ReferenceParser.create();

    /** The ranges a marked-up reference stands for; empty when neither its value nor its text can be read. */
    Optional<List<OsisRange>> resolve(String osisRef, String printed) {
        String value = WORK_PREFIX.matcher(osisRef.strip()).replaceFirst("").strip();
        if (!value.isEmpty()) {
            Optional<List<OsisRange>> ranges = strict(value);
            if (ranges.isEmpty()) ranges = strict(NEXT_REFERENCE.matcher(value).replaceAll("; "));
            if (ranges.isPresent()) return ranges;
        }
        return strict(printed.strip());
    }

    /**
     * References written in running text. Whole books are left out: in prose a bare book name
     * ("the Psalms", "Job") is a mention rather than a citation.
     */
    void inText(String text, Consumer<OsisRange> sink) {
        int from = 0;
        while (from < text.length()) {
            int to = Math.min(text.length(), from + CHUNK);
            // Cut at a space so that no reference is split between chunks.
            if (to < text.length()) {
                int space = text.lastIndexOf(' ', to);
                if (space > from) to = space;
            }
            try {
                ParsedReference parsed = parser.parseLenient(text.substring(from, to));
                for (RangeOccurrence occurrence : parsed.occurrences()) {
                    if (occurrence.range().granularity() != OsisRange.Granularity.BOOK) sink.accept(occurrence.range());
                }
            } catch (ReferenceParseException e) {
                // Too many references in one chunk: a list, not prose; its references stay uncounted.
            }
            from = to;
        }
    }

    private Optional<List<OsisRange>> strict(String text) {
        if (text.isEmpty() || text.length() > ReferenceParser.MAX_INPUT_LENGTH) return Optional.empty();
        try {
            return Optional.of(parser.parse(text).ranges());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
