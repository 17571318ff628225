package org.gospelib.content.internal.corpus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gospelib.scripture.Note;
import org.gospelib.scripture.OsisRange;
import org.gospelib.scripture.ReferenceParser;
import org.gospelib.scripture.VerseContent;
import org.gospelib.scripture.VerseRef;
import org.gospelib.scripture.Versification;

/**
 * Gathers, while a translation's verses are loaded, the verses its cross-reference notes name
 * (written as plain text, "Gen 1:1; John 1:1-3"), resolved with the reference parser and placed
 * in KJV numbering, so that the graph can link the two verses.
 */
public final class CrossReferenceCollector {

    /** A note on verse {@code from} names verse {@code to}; both are KJV ordinals. */
    public record CrossReference(int from, int to, String translation) {
    }

    /** A note naming a whole chapter or more relates the verse to no one verse of it. */
    public static final int MAX_VERSES_PER_REFERENCE = 30;
    private static final ReferenceParser PARSER = ReferenceParser.create();

    private final String translation;
    private final Map<VerseRef, Set<Integer>> byNativeRef = new HashMap<>();

    public CrossReferenceCollector(String translation) {
        this.translation = translation;
    }

    public void add(VerseRef nativeRef, VerseContent content) {
        for (Note note : content.notes()) {
            if (note.kind() != Note.Kind.CROSS_REFERENCE) continue;
            for (String reference : note.references()) {
                for (OsisRange range : PARSER.parseLenient(reference).ranges()) {
                    List<VerseRef> verses;
                    try {
                        verses = range.verses(Versification.kjv());
                    } catch (IllegalArgumentException e) {
                        continue; // outside KJV numbering: nothing to link to
                    }
                    if (verses.size() > MAX_VERSES_PER_REFERENCE) continue;
                    for (VerseRef v : verses) {
                        if (Versification.kjv().contains(v)) {
                            byNativeRef.computeIfAbsent(nativeRef, r -> new LinkedHashSet<>()).add(Versification.kjv().ordinal(v));
                        }
                    }
                }
            }
        }
    }

    /** The cross-references, placed at the KJV verse that shows each noted verse. */
    public List<CrossReference> resolve(VerseEntry[] byKjvOrdinal) {
        List<CrossReference> found = new ArrayList<>();
        if (byNativeRef.isEmpty()) return found;
        for (int ordinal = 0; ordinal < byKjvOrdinal.length; ordinal++) {
            VerseEntry entry = byKjvOrdinal[ordinal];
            if (entry == null) continue;
            for (int target : byNativeRef.getOrDefault(entry.nativeRef(), Set.of())) {
                if (target != ordinal) found.add(new CrossReference(ordinal, target, translation));
            }
        }
        return found;
    }
}
