package org.gospelib.content.internal.corpus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Topics and lexicon entries held with the corpus snapshot, and how each translation renders
 * each Strong's lemma. Immutable; verse lists are KJV ordinals ({@code int[]}), not objects.
 */
public final class ReferenceWorks {

    public static final ReferenceWorks EMPTY = new ReferenceWorks(List.of(), Map.of(), Map.of(), Commentaries.EMPTY);

    /** A topic: its headings with their verses, and the topics it points to. */
    public record Topic(String id, String name, List<Heading> headings, List<String> related) {
        public int verseCount() {
            return headings.stream().mapToInt(h -> h.verses().length).sum();
        }
    }

    public record Heading(String heading, int[] verses) {
    }

    public record Lemma(String id, String lemma, String transliteration, String pronunciation, String definition,
            List<String> links) {
    }

    /** How one translation renders a lemma: the words and how often, and the verses it occurs in, in canonical order. */
    public record Renderings(Map<String, Integer> words, int[] verses) {
    }

    private final List<Topic> topics;
    private final Map<String, Topic> topicsById;
    private final Map<String, Lemma> lemmas;
    private final Map<String, Map<String, Renderings>> renderingsByTranslation;

    private final Commentaries commentaries;
    /** For each KJV verse ordinal, the indexes in {@link #topics} of the topics that cite it. */
    private final int[][] topicsOfVerse;

    public ReferenceWorks(List<Topic> topics, Map<String, Lemma> lemmas, Map<String, Map<String, Renderings>> renderings,
            Commentaries commentaries) {
        this.commentaries = commentaries;
        this.topics = List.copyOf(topics);
        this.topicsById = new java.util.HashMap<>();
        topics.forEach(t -> topicsById.put(t.id().toUpperCase(Locale.ROOT), t));
        this.lemmas = Map.copyOf(lemmas);
        this.renderingsByTranslation = Map.copyOf(renderings);
        this.topicsOfVerse = invert(this.topics);
    }

    public Optional<Topic> topic(String id) {
        return Optional.ofNullable(topicsById.get(id.toUpperCase(Locale.ROOT)));
    }

    /** Topics whose name matches: exact first, then by prefix, then containing the words. */
    public List<Topic> findTopics(String query, int limit) {
        String q = query.strip().toLowerCase(Locale.ROOT);
        List<Topic> found = new ArrayList<>();
        for (Topic t : topics) if (t.name().toLowerCase(Locale.ROOT).contains(q)) found.add(t);
        found.sort(Comparator.comparingInt((Topic t) -> rank(t.name().toLowerCase(Locale.ROOT), q))
                .thenComparing(Topic::name));
        return found.subList(0, Math.min(limit, found.size()));
    }

    private static int rank(String name, String q) {
        if (name.equals(q)) return 0;
        if (name.startsWith(q)) return 1;
        return 2;
    }

    public Optional<Lemma> lemma(String id) {
        return Optional.ofNullable(lemmas.get(id));
    }

    public Optional<Renderings> renderings(String translation, String lemmaId) {
        return Optional.ofNullable(renderingsByTranslation.getOrDefault(translation, Map.of()).get(lemmaId));
    }

    private static int[][] invert(List<Topic> topics) {
        int verses = org.gospelib.scripture.Versification.kjv().verseTotal();
        int[] counts = new int[verses];
        for (Topic t : topics) for (Heading h : t.headings()) for (int v : h.verses()) counts[v]++;
        int[][] inverted = new int[verses][];
        for (int v = 0; v < verses; v++) inverted[v] = new int[counts[v]];
        int[] filled = new int[verses];
        for (int i = 0; i < topics.size(); i++) {
            for (Heading h : topics.get(i).headings()) for (int v : h.verses()) inverted[v][filled[v]++] = i;
        }
        return inverted;
    }

    /** The topics that cite a verse, by KJV ordinal. */
    public List<Topic> topicsOf(int ordinal) {
        List<Topic> found = new ArrayList<>();
        int previous = -1;
        for (int t : topicsOfVerse.length == 0 ? new int[0] : topicsOfVerse[ordinal]) {
            if (t != previous) found.add(topics.get(t));
            previous = t;
        }
        return found;
    }

    public List<Topic> topics() {
        return topics;
    }

    /** The lexicon entries by id, as a new corpus with the same lexicons takes them. */
    public Map<String, Lemma> lemmaMap() {
        return lemmas;
    }

    public java.util.Collection<Lemma> lemmas() {
        return lemmas.values();
    }

    /** For each translation, for each lemma it tags, its renderings. */
    public Map<String, Map<String, Renderings>> renderings() {
        return renderingsByTranslation;
    }

    public Commentaries commentaries() {
        return commentaries;
    }

    public int topicCount() {
        return topics.size();
    }
}
