package org.gospelib.evaluation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.gospelib.ingest.internal.lexicon.NaveParser;
import org.gospelib.ingest.internal.lexicon.Topic;
import org.gospelib.ingest.internal.lexicon.TopicVerses;
import org.gospelib.ingest.internal.sword.SwordLibrary;
import org.gospelib.ingest.internal.sword.ZLdReader;
import org.gospelib.scripture.VerseRef;
import org.gospelib.scripture.Versification;

/**
 * Relevance judgments taken from Nave's Topical Bible: a topic's name is the query, the KJV
 * verses its references expand to are the relevant verses (binary relevance, everything else
 * counts as not relevant).
 *
 * <p>The sample is fixed and deterministic so that runs and rankers can be compared:
 * <ol>
 * <li>topics in the order of their keys (Java string order);</li>
 * <li>the query is the key lower-cased, a parenthesised qualifier removed ({@code ANGEL (A
 * SPIRIT)} → {@code angel}) and Nave's inverted form turned round ({@code SIN, CONFESSION OF}
 * → {@code confession of sin});</li>
 * <li>kept when the query is 1 to 3 words of letters only and the topic expands to
 * {@value #MIN_VERSES}..{@value #MAX_VERSES} KJV verses;</li>
 * <li>every k-th of those kept, k = kept / {@value #SAMPLE}, first {@value #SAMPLE}.</li>
 * </ol>
 * Nave is only the judge here; no ranker reads it. The judge reads the module with the ingest's
 * own SWORD readers, the raw source rather than anything the product derived from it, so it lives
 * here, outside every module, for the search evaluations to import.
 */
public final class NaveJudgments {

    public static final int SAMPLE = 100;
    public static final int MIN_VERSES = 5;
    public static final int MAX_VERSES = 300;
    public static final String RULE = "Nave topics in key order; query = key lower-cased, '(…)' qualifier dropped, "
            + "'X, Y' read as 'Y X'; kept if 1–3 words of letters only and " + MIN_VERSES + ".." + MAX_VERSES
            + " KJV verses; every k-th kept topic (k = kept / " + SAMPLE + "), first " + SAMPLE;

    private static final Pattern WORDS = Pattern.compile("[a-z]+( [a-z]+){0,2}");

    /** One judged query. */
    public record Judgment(String topicKey, String query, Set<String> relevantOsis) {
    }

    /** The sample, and how many topics were read and kept before sampling. */
    public record Sample(List<Judgment> judgments, int topics, int eligible, int step) {
    }

    private NaveJudgments() {
    }

    public static Sample load(Path swordRoot) throws IOException {
        ZLdReader nave = ZLdReader.open(SwordLibrary.at(swordRoot).find("nave")
                .orElseThrow(() -> new IllegalStateException("Nave's Topical Bible is not installed under " + swordRoot)));
        List<Topic> topics = new ArrayList<>(nave.entries().map(e -> NaveParser.parse(e.key(), e.markup()).topic()).toList());
        topics.sort((a, b) -> a.key().compareTo(b.key()));
        List<Judgment> eligible = new ArrayList<>();
        Set<String> seenQueries = new LinkedHashSet<>();
        for (Topic topic : topics) {
            String query = query(topic.key());
            if (query == null || !seenQueries.add(query)) continue;
            List<VerseRef> verses = TopicVerses.expand(topic, Versification.kjv()).verses();
            if (verses.size() < MIN_VERSES || verses.size() > MAX_VERSES) continue;
            Set<String> osis = new LinkedHashSet<>();
            for (VerseRef v : verses) osis.add(v.osis());
            eligible.add(new Judgment(topic.key(), query, Set.copyOf(osis)));
        }
        int step = Math.max(1, eligible.size() / SAMPLE);
        List<Judgment> sample = new ArrayList<>();
        for (int i = 0; i < eligible.size() && sample.size() < SAMPLE; i += step) sample.add(eligible.get(i));
        return new Sample(List.copyOf(sample), topics.size(), eligible.size(), step);
    }

    /** The query a reader would type for a topic key, or null when the key does not make a plain query. */
    static String query(String key) {
        String q = key.toLowerCase(Locale.ROOT).replaceAll("\\([^)]*\\)", " ").strip();
        int comma = q.indexOf(',');
        if (comma > 0 && q.indexOf(',', comma + 1) < 0) q = q.substring(comma + 1).strip() + " " + q.substring(0, comma).strip();
        q = q.replaceAll("\\s+", " ").strip();
        return WORDS.matcher(q).matches() ? q : null;
    }
}
