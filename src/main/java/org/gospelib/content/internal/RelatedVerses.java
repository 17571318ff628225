package org.gospelib.content.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gospelib.scripture.Note;
import org.gospelib.scripture.OsisRange;
import org.gospelib.scripture.ReferenceParser;
import org.gospelib.scripture.VerseRef;
import org.gospelib.scripture.Versification;

/**
 * Verses related to a verse, each with the evidence that relates them: a commentary on the verse
 * cites it, a translation's cross-reference note names it, or a topic lists both. Scored per
 * request from the snapshot; the weights say how much each kind of evidence is trusted.
 */
final class RelatedVerses {

    static final double CROSS_REFERENCE = 2.0;
    static final double COMMENTARY_CITATION = 1.0;
    /** A shared topic counts less the more verses the topic lists; huge topics say little. */
    static final int LARGEST_TOPIC = 400;
    static final int MAX_VERSES_PER_CITATION = 30;
    static final int MAX_EVIDENCE = 5;

    private static final ReferenceParser PARSER = ReferenceParser.create();

    record Evidence(String kind, String source) {
    }

    record Related(VerseRef ref, double score, List<Evidence> evidence) {
    }

    private RelatedVerses() {
    }

    static List<Related> of(VerseRef verse, CorpusSnapshot snapshot, int limit) {
        Versification kjv = Versification.kjv();
        int self = kjv.ordinal(verse);
        Map<Integer, Double> scores = new HashMap<>();
        Map<Integer, Set<Evidence>> evidence = new HashMap<>();
        for (TranslationSnapshot t : snapshot.translations()) {
            t.atKjv(verse).ifPresent(entry -> {
                for (Note note : entry.content().notes()) {
                    if (note.kind() != Note.Kind.CROSS_REFERENCE) continue;
                    for (String reference : note.references()) {
                        for (VerseRef ref : versesOf(PARSER.parseLenient(reference).ranges())) {
                            add(kjv.ordinal(ref), CROSS_REFERENCE, new Evidence("cross-reference", t.id() + " note"),
                                    self, scores, evidence);
                        }
                    }
                }
            });
        }
        for (Commentaries.Entry entry : snapshot.referenceWorks().commentaries().covering(self, self)) {
            List<VerseRef> cited = new ArrayList<>();
            for (String osis : entry.cites()) cited.addAll(versesOfOsis(osis));
            // An entry that cites a few verses vouches for each more than one that cites a hundred.
            double weight = COMMENTARY_CITATION / Math.sqrt(Math.max(1, cited.size()));
            for (VerseRef ref : cited) {
                add(kjv.ordinal(ref), weight, new Evidence("commentary", entry.module()), self, scores, evidence);
            }
        }
        for (ReferenceWorks.Topic topic : snapshot.referenceWorks().topicsOf(self)) {
            int size = topic.verseCount();
            if (size > LARGEST_TOPIC) continue;
            double weight = 1.0 / Math.log(2 + size);
            for (ReferenceWorks.Heading heading : topic.headings()) {
                for (int other : heading.verses()) {
                    add(other, weight, new Evidence("topic", topic.name()), self, scores, evidence);
                }
            }
        }
        List<Related> related = new ArrayList<>(scores.size());
        scores.forEach((ordinal, score) -> related.add(new Related(kjv.verseAt(ordinal), score,
                List.copyOf(evidence.get(ordinal)))));
        related.sort(Comparator.comparingDouble(Related::score).reversed().thenComparing(Related::ref));
        return related.subList(0, Math.min(limit, related.size()));
    }

    private static void add(int ordinal, double weight, Evidence why, int self, Map<Integer, Double> scores,
            Map<Integer, Set<Evidence>> evidence) {
        if (ordinal == self) return;
        Set<Evidence> reasons = evidence.computeIfAbsent(ordinal, o -> new LinkedHashSet<>());
        // The same source saying the same thing twice is still one piece of evidence.
        if (!reasons.add(why)) return;
        if (reasons.size() > MAX_EVIDENCE) reasons.remove(why);
        scores.merge(ordinal, weight, Double::sum);
    }

    private static List<VerseRef> versesOfOsis(String osis) {
        try {
            return versesOf(List.of(OsisRange.parse(osis)));
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    private static List<VerseRef> versesOf(List<OsisRange> ranges) {
        List<VerseRef> verses = new ArrayList<>();
        for (OsisRange range : ranges) {
            try {
                List<VerseRef> all = range.verses(Versification.kjv());
                verses.addAll(all.subList(0, Math.min(MAX_VERSES_PER_CITATION, all.size())));
            } catch (IllegalArgumentException e) {
                // a citation outside KJV numbering relates nothing
            }
        }
        verses.removeIf(v -> !Versification.kjv().contains(v));
        return verses;
    }
}
