package org.gospelib.study.internal;

import java.util.List;
import org.gospelib.scripture.OsisRange;
import org.gospelib.scripture.ParsedReference;
import org.gospelib.scripture.ReferenceParseException;
import org.gospelib.scripture.ReferenceParser;
import org.gospelib.scripture.VerseRef;
import org.gospelib.scripture.Versification;

/**
 * Where a study item is kept: one contiguous KJV-numbered verse range, as OSIS and as verse
 * ordinals. KJV numbering is the shared key of every translation, so an item shows wherever a
 * translation places those verses.
 */
record Anchor(String osis, int first, int last) {

    /** The most verses one item may cover: a long chapter (Psalm 119 has 176). */
    static final int MAX_VERSES = 400;
    private static final ReferenceParser PARSER = ReferenceParser.create();

    /** Parses any reference form ("Jn 3:16-18", "John.3.16"); a reason when it is not one range of verses. */
    static Anchor parse(String reference) throws InvalidItem {
        if (reference == null || reference.isBlank()) throw new InvalidItem("ref", "a reference is required, e.g. \"John 3:16\"");
        if (reference.length() > 200) throw new InvalidItem("ref", "a reference has at most 200 characters");
        ParsedReference parsed;
        try {
            parsed = PARSER.parse(reference);
        } catch (ReferenceParseException e) {
            throw new InvalidItem("ref", e.getMessage());
        }
        if (parsed.ranges().size() != 1) throw new InvalidItem("ref", "one passage per item: '" + reference + "' names several");
        OsisRange range = parsed.ranges().getFirst();
        List<VerseRef> verses;
        try {
            verses = range.verses(Versification.kjv());
        } catch (IllegalArgumentException e) {
            throw new InvalidItem("ref", e.getMessage());
        }
        if (verses.isEmpty() || !Versification.kjv().contains(verses.getFirst()) || !Versification.kjv().contains(verses.getLast())) {
            throw new InvalidItem("ref", "'" + reference + "' is not in KJV numbering");
        }
        if (verses.size() > MAX_VERSES) throw new InvalidItem("ref", "an item covers at most " + MAX_VERSES + " verses");
        return new Anchor(range.osis(), Versification.kjv().ordinal(verses.getFirst()), Versification.kjv().ordinal(verses.getLast()));
    }
}
