package org.gospelib.content.internal.corpus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gospelib.scripture.Segment;
import org.gospelib.scripture.VerseContent;
import org.gospelib.scripture.VerseRef;
import org.gospelib.scripture.Versification;

/**
 * Gathers, while a translation's verses are loaded, which words render each Strong's lemma and in
 * which verses: how the KJV translates H430.
 */
public final class RenderingsCollector {

    private final Map<String, Map<String, Integer>> words = new HashMap<>();
    private final Map<String, List<Integer>> verses = new HashMap<>();

    public void add(VerseRef ref, VerseContent content) {
        if (!Versification.kjv().contains(ref)) return;
        int ordinal = Versification.kjv().ordinal(ref);
        Set<String> inVerse = new LinkedHashSet<>();
        for (Segment segment : content.segments()) {
            if (segment.strongs().isEmpty()) continue;
            String word = trimPunctuation(segment.text());
            for (String lemma : segment.strongs()) {
                if (!word.isEmpty()) words.computeIfAbsent(lemma, l -> new HashMap<>()).merge(word, 1, Integer::sum);
                inVerse.add(lemma);
            }
        }
        for (String lemma : inVerse) verses.computeIfAbsent(lemma, l -> new ArrayList<>()).add(ordinal);
    }

    /** The word without surrounding spaces and punctuation; by hand, as it runs for every tagged word at load. */
    public static String trimPunctuation(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isTrimmed(text.charAt(start))) start++;
        while (end > start && isTrimmed(text.charAt(end - 1))) end--;
        return text.substring(start, end);
    }

    private static boolean isTrimmed(char c) {
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) return true;
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    public Map<String, ReferenceWorks.Renderings> build() {
        Map<String, ReferenceWorks.Renderings> built = new HashMap<>(verses.size() * 2);
        verses.forEach((lemma, ordinals) -> built.put(lemma, new ReferenceWorks.Renderings(
                Map.copyOf(words.getOrDefault(lemma, Map.of())), ordinals.stream().mapToInt(Integer::intValue).sorted().toArray())));
        return built;
    }
}
