package org.gospelib.scripture;

import java.util.List;

/**
 * What {@link ReferenceParser} understood in a text.
 *
 * @param ranges      the distinct ranges in the order first written; an exact repeat is kept
 *                    once, nothing else is merged
 * @param occurrences every range as written, repeats included, with its place in the input
 * @param unparsed    the parts that were not understood, in input order; always empty after
 *                    {@link ReferenceParser#parse(String)}
 */
public record ParsedReference(List<OsisRange> ranges, List<RangeOccurrence> occurrences, List<UnparsedPart> unparsed) {

    public ParsedReference {
        ranges = List.copyOf(ranges);
        occurrences = List.copyOf(occurrences);
        unparsed = List.copyOf(unparsed);
    }

    /** The normalised OSIS reference: ranges joined by commas, {@code John.3.16,Rom.8}. */
    public String osis() {
        if (ranges.size() == 1) return ranges.getFirst().osis();
        StringBuilder joined = new StringBuilder(ranges.size() * 20);
        for (OsisRange range : ranges) {
            if (!joined.isEmpty()) joined.append(',');
            range.appendOsis(joined);
        }
        return joined.toString();
    }

    /** Whether the whole input was understood. */
    public boolean isComplete() {
        return unparsed.isEmpty();
    }

    /** Whether no range was found. */
    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    @Override
    public String toString() {
        return unparsed.isEmpty() ? osis() : osis() + " unparsed " + unparsed;
    }
}
