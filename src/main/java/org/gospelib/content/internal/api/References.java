package org.gospelib.content.internal.api;

import org.gospelib.content.internal.ContentProblems;
import org.gospelib.content.internal.corpus.ApiModel;

import java.util.ArrayList;
import java.util.List;
import org.gospelib.scripture.OsisRange;
import org.gospelib.scripture.ParsedReference;
import org.gospelib.scripture.ReferenceParseException;
import org.gospelib.scripture.ReferenceParser;
import org.gospelib.scripture.VerseRef;
import org.gospelib.scripture.Versification;
import org.springframework.stereotype.Component;

/** Turns references from requests into verse lists, and parse failures into problems. */
@Component
class References {

    /** The most verses one passage request may cover per translation. */
    static final int MAX_VERSES = 3_000;

    private final ReferenceParser parser = ReferenceParser.create();

    /** A parsed reference expanded to KJV-numbered verses, range by range. */
    record Resolved(String osis, List<Part> parts) {
        int verseCount() {
            return parts.stream().mapToInt(p -> p.verses().size()).sum();
        }
    }

    record Part(String osis, List<VerseRef> verses) {
    }

    Resolved resolve(String input) {
        ParsedReference parsed = parse(input);
        List<Part> parts = new ArrayList<>();
        int total = 0;
        for (OsisRange range : parsed.ranges()) {
            List<VerseRef> verses = range.verses(Versification.kjv());
            total += verses.size();
            if (total > MAX_VERSES) throw ContentProblems.passageTooLong(total, MAX_VERSES);
            parts.add(new Part(range.osis(), verses));
        }
        return new Resolved(parsed.osis(), parts);
    }

    /** Exactly one verse, written as OSIS ({@code John.3.16}) or any reference form. */
    VerseRef singleVerse(String input) {
        ParsedReference parsed = parse(input);
        List<VerseRef> verses = parsed.ranges().size() == 1 ? parsed.ranges().getFirst().verses(Versification.kjv())
                : List.of();
        if (verses.size() != 1) {
            throw ContentProblems.badReference(input, "'" + input + "' is not a single verse", input);
        }
        return verses.getFirst();
    }

    ApiModel.ReferenceParse parseLeniently(String input) {
        ParsedReference parsed = parseLenient(input);
        return new ApiModel.ReferenceParse(input, parsed.osis(),
                parsed.ranges().stream().map(OsisRange::osis).toList(),
                parsed.unparsed().stream().map(u -> new ApiModel.Unparsed(u.text(), u.offset())).toList(),
                parsed.occurrences().stream().filter(o -> !o.notes().isEmpty())
                        .map(o -> new ApiModel.Assumption(o.text(), o.offset(), o.range().osis(), o.notes())).toList());
    }

    private ParsedReference parse(String input) {
        try {
            return parser.parse(input);
        } catch (ReferenceParseException e) {
            if (e.kind() == ReferenceParseException.Kind.OUT_OF_RANGE) {
                throw ContentProblems.verseOutOfRange(input, e.getMessage());
            }
            throw ContentProblems.badReference(input, e.getMessage(), e.fragment());
        }
    }

    private ParsedReference parseLenient(String input) {
        try {
            return parser.parseLenient(input);
        } catch (ReferenceParseException e) {
            throw ContentProblems.badReference(input, e.getMessage(), e.fragment());
        }
    }
}
