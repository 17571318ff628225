package org.gospelib.assistant.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.gospelib.content.ReferenceLibrary;
import org.gospelib.content.ScriptureText;
import org.gospelib.platform.ProblemException;
import org.gospelib.scripture.OsisRange;
import org.gospelib.scripture.ParsedReference;
import org.gospelib.scripture.ReferenceParser;
import org.gospelib.scripture.StrongsNumber;
import org.gospelib.scripture.VerseContent;
import org.gospelib.scripture.VerseRef;
import org.gospelib.scripture.Versification;
import org.gospelib.search.SearchRequest;
import org.gospelib.search.SearchResults;
import org.gospelib.search.VerseSearch;

/**
 * Finds what the corpus holds on a question: the passages it names, verses by meaning and words
 * (two searches fused by rank), the verses the graph relates to the best of them, the topics that list them,
 * what the commentaries say on them, and the lexicon entry of any Strong's number asked about.
 * Everything comes from the reader's translation; nothing comes from the reader's study data.
 */
final class Retriever {

    /** Verses handed to the answer. */
    static final int VERSES = 10;
    /** Verses each ranking contributes to the fusion. */
    private static final int CANDIDATES = 30;
    /**
     * The best verse must be at least this similar to the question (cosine of their embeddings)
     * for the verses to count as bearing on it; below, the answer says nothing relevant was found.
     */
    static final double MIN_SIMILARITY = 0.40;
    private static final int COMMENTARY_CHARS = 700;
    private static final Pattern SEARCHABLE = Pattern.compile("[^\\p{L}\\p{N}' ]+");
    private static final Pattern MARK = Pattern.compile("<mark>([^<]*)</mark>");
    private static final Set<String> QUESTION_WORDS = Set.of(
            "what", "who", "whom", "whose", "how", "why", "when", "where", "which", "does", "do", "did", "is", "are", "was",
            "were", "be", "the", "an", "of", "to", "in", "on", "at", "about", "bible", "scripture", "scriptures", "say", "says",
            "said", "teach", "teaches", "tell", "tells", "mean", "means", "me", "my", "and", "or", "for", "with", "it", "that",
            "this", "there", "can", "should", "we", "us", "our",
            "qué", "que", "quién", "quien", "quiénes", "cuál", "cual", "cuáles", "cómo", "como", "dónde", "donde", "cuándo",
            "cuando", "por", "para", "es", "son", "fue", "fueron", "era", "la", "el", "los", "las", "un", "una", "unos", "de",
            "del", "al", "en", "y", "o", "sobre", "dice", "dicen", "enseña", "biblia", "escritura", "escrituras", "se", "su",
            "sus", "lo", "le", "les", "mi", "nos", "significa", "acerca", "hay");

    private final VerseSearch search;
    private final ScriptureText text;
    private final ReferenceLibrary library;
    private final ReferenceParser parser = ReferenceParser.create();

    Retriever(VerseSearch search, ScriptureText text, ReferenceLibrary library) {
        this.search = search;
        this.text = text;
        this.library = library;
    }

    Retrieved retrieve(String question, String translation) {
        Map<VerseRef, Source> verses = new LinkedHashMap<>();
        List<VerseRef> named = named(question);
        for (VerseRef ref : named) verse(translation, ref).ifPresent(s -> verses.putIfAbsent(ref, s));
        // a Strong's number asked about: the lexicon entry, and the first verses the word is in
        List<ReferenceLibrary.Lemma> lemmas = lemmasAsked(question);
        for (ReferenceLibrary.Lemma lemma : lemmas) {
            for (VerseRef ref : lemma.verses().subList(0, Math.min(4, lemma.verses().size()))) {
                verse(translation, ref).ifPresent(s -> verses.putIfAbsent(ref, s));
            }
        }
        String words = SEARCHABLE.matcher(question).replaceAll(" ").strip();
        List<String> content = contentWords(words);
        List<ReferenceLibrary.TopicSummary> topicsNamed = topicsNamed(content);
        // a topic the question names ("prayer", "humility"): the verses Nave's lists under it, one more ranking
        List<String> listed = topicVerses(topicsNamed);
        double similarity = 0;
        boolean bearsOnIt = false;
        boolean whole = true;
        if (!words.isBlank()) {
            Optional<SearchResults> semantic;
            try {
                semantic = Optional.of(search.search(request(words, translation, SearchRequest.Mode.SEMANTIC, CANDIDATES)));
            } catch (ProblemException e) {
                // no embeddings for the translation (for good), or its index still being built (for now)
                semantic = Optional.empty();
                whole = e.status() != 503;
            }
            if (semantic.isPresent()) {
                List<SearchResults.Hit> hits = semantic.get().hits();
                if (!hits.isEmpty() && hits.getFirst().score().isPresent()) {
                    // Lucene's dot-product score is (1 + cosine) / 2
                    similarity = 2.0 * hits.getFirst().score().get() - 1;
                }
                bearsOnIt = similarity >= MIN_SIMILARITY;
                // the question by meaning, and its own words (not those of asking) by any of them, fused by rank
                List<SearchResults.Hit> lexical = content.isEmpty() ? List.of()
                        : search(String.join(" OR ", content), translation, SearchRequest.Mode.LEXICAL, CANDIDATES).map(SearchResults::hits).orElse(List.of());
                for (String osis : fused(osis(hits), osis(lexical), listed)) add(verses, osis, translation);
            } else {
                // no embeddings for this translation: its words alone, any of them, the best verse using most
                if (!content.isEmpty()) {
                    Optional<SearchResults> lexical = search(String.join(" OR ", content), translation, SearchRequest.Mode.LEXICAL, VERSES);
                    List<SearchResults.Hit> hits = lexical.map(SearchResults::hits).orElse(List.of());
                    if (!hits.isEmpty()) bearsOnIt = marked(hits.getFirst()) >= Math.min(2, content.size());
                    for (String osis : fused(osis(hits), listed)) add(verses, osis, translation);
                }
            }
        }
        boolean relevant = !named.isEmpty() || !lemmas.isEmpty() || bearsOnIt;
        List<VerseRef> best = new ArrayList<>(verses.keySet());
        if (best.size() > VERSES) best = best.subList(0, VERSES);
        if (relevant && !best.isEmpty()) {
            // the graph: what is most related to the best verse, if not found already
            for (ReferenceLibrary.RelatedVerse related : library.related(best.getFirst(), 3)) {
                if (best.size() >= VERSES + 3) break;
                if (!verses.containsKey(related.verse())) {
                    verse(translation, related.verse()).ifPresent(s -> verses.put(related.verse(), s));
                    best = new ArrayList<>(best);
                    best.add(related.verse());
                }
            }
        }
        List<Source> sources = new ArrayList<>();
        for (VerseRef ref : best) sources.add(verses.get(ref));
        if (relevant) {
            sources.addAll(topics(topicsNamed, best));
            sources.addAll(commentary(best));
            for (ReferenceLibrary.Lemma l : lemmas) {
                sources.add(new Source("", Source.Kind.LEMMA, "", l.id() + " " + l.lemma(),
                        l.lemma() + " (" + l.transliteration() + "): " + l.definition().strip()));
            }
        }
        List<Source> numbered = new ArrayList<>(sources.size());
        for (int i = 0; i < sources.size(); i++) {
            Source s = sources.get(i);
            numbered.add(new Source("S" + (i + 1), s.kind(), s.osis(), s.title(), s.text()));
        }
        // verses that do not bear on the question are not offered as its sources
        return relevant && !numbered.isEmpty() ? new Retrieved(translation, numbered, true, similarity, whole)
                : new Retrieved(translation, List.of(), false, similarity, whole);
    }

    /** Passages the question names with a chapter or verse ("John 3:16", "Romans 8"), a few verses of each. */
    private List<VerseRef> named(String question) {
        ParsedReference parsed;
        try {
            parsed = parser.parseLenient(question);
        } catch (RuntimeException e) {
            return List.of();
        }
        Set<VerseRef> refs = new LinkedHashSet<>();
        for (OsisRange range : parsed.ranges()) {
            if (range.granularity() == OsisRange.Granularity.BOOK) continue;
            List<VerseRef> inRange = range.verses(Versification.kjv());
            refs.addAll(inRange.subList(0, Math.min(inRange.size(), VERSES)));
            if (refs.size() >= VERSES) break;
        }
        return List.copyOf(refs);
    }

    /** Empty when the search cannot be run: no embeddings for the translation, an index being built, words refused. */
    private static SearchRequest request(String words, String translation, SearchRequest.Mode mode, int limit) {
        return SearchRequest.of(words).in(translation).by(mode).limit(limit);
    }

    private Optional<SearchResults> search(String words, String translation, SearchRequest.Mode mode, int limit) {
        try {
            return Optional.of(search.search(request(words, translation, mode, limit)));
        } catch (ProblemException e) {
            return Optional.empty();
        }
    }

    /** The question's words less those of asking ("what does the Bible say about"), in English and Spanish. */
    static List<String> contentWords(String words) {
        List<String> content = new ArrayList<>();
        for (String w : words.toLowerCase(java.util.Locale.ROOT).split("\\s+")) {
            String bare = w.replace("'", "");
            if (bare.length() > 1 && !QUESTION_WORDS.contains(bare) && !content.contains(bare)) content.add(bare);
        }
        return content.size() > 12 ? content.subList(0, 12) : content;
    }

    /** Distinct words the search marked in a hit. */
    private static long marked(SearchResults.Hit hit) {
        if (hit.highlight() == null) return 0;
        return MARK.matcher(hit.highlight()).results().map(m -> m.group(1).toLowerCase(java.util.Locale.ROOT)).distinct().count();
    }

    /** Reciprocal rank fusion (k = 60) of rankings of verses (OSIS references), best first. */
    @SafeVarargs
    static List<String> fused(List<String>... rankings) {
        Map<String, Double> score = new LinkedHashMap<>();
        for (List<String> ranking : rankings) {
            for (int i = 0; i < ranking.size(); i++) score.merge(ranking.get(i), 1.0 / (60 + i + 1), Double::sum);
        }
        return score.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).map(Map.Entry::getKey).toList();
    }

    private static List<String> osis(List<SearchResults.Hit> hits) {
        return hits.stream().map(SearchResults.Hit::osis).toList();
    }

    /** Topics named exactly by one of the question's words or two words together ("ten commandments"). */
    private List<ReferenceLibrary.TopicSummary> topicsNamed(List<String> content) {
        List<String> phrases = new ArrayList<>();
        for (int i = 0; i + 1 < content.size(); i++) phrases.add(content.get(i) + " " + content.get(i + 1));
        phrases.addAll(content);
        Map<String, ReferenceLibrary.TopicSummary> named = new LinkedHashMap<>();
        for (String phrase : phrases) {
            if (phrase.length() < 4) continue;
            for (ReferenceLibrary.TopicSummary t : library.findTopics(phrase, 1)) {
                if (t.name().equalsIgnoreCase(phrase)) named.putIfAbsent(t.id(), t);
            }
            if (named.size() >= 2) break;
        }
        return List.copyOf(named.values());
    }

    /** The verses topics list, in their order, at most {@link #CANDIDATES}. */
    private List<String> topicVerses(List<ReferenceLibrary.TopicSummary> topics) {
        List<String> listed = new ArrayList<>();
        for (ReferenceLibrary.TopicSummary t : topics) {
            library.topic(t.id()).ifPresent(topic -> {
                for (ReferenceLibrary.Heading h : topic.headings()) {
                    for (VerseRef v : h.verses()) if (listed.size() < CANDIDATES && !listed.contains(v.osis())) listed.add(v.osis());
                }
            });
        }
        return listed;
    }

    /** Adds a candidate verse while fewer than {@link #VERSES} are held: each lookup is a call to content when split. */
    private void add(Map<VerseRef, Source> verses, String osis, String translation) {
        if (verses.size() >= VERSES) return;
        VerseRef ref;
        try {
            ref = VerseRef.parseOsis(osis);
        } catch (IllegalArgumentException e) {
            return;
        }
        if (!verses.containsKey(ref)) verse(translation, ref).ifPresent(s -> verses.put(ref, s));
    }

    private Optional<Source> verse(String translation, VerseRef ref) {
        return text.verse(translation, ref).map(VerseContent::text).filter(t -> !t.isBlank())
                .map(t -> new Source("", Source.Kind.VERSE, ref.osis(), CitationVerifier.label(ref), t.strip()));
    }

    /** Topics whose name the question uses, then those listing several of the verses found. */
    private List<Source> topics(List<ReferenceLibrary.TopicSummary> named, List<VerseRef> verses) {
        Map<String, ReferenceLibrary.TopicSummary> found = new LinkedHashMap<>();
        for (ReferenceLibrary.TopicSummary t : named) found.putIfAbsent(t.id(), t);
        Map<String, Integer> listing = new LinkedHashMap<>();
        Map<String, ReferenceLibrary.TopicSummary> byId = new LinkedHashMap<>();
        for (VerseRef v : verses.subList(0, Math.min(5, verses.size()))) {
            for (ReferenceLibrary.TopicSummary t : library.topicsOf(v)) {
                listing.merge(t.id(), 1, Integer::sum);
                byId.putIfAbsent(t.id(), t);
            }
        }
        listing.entrySet().stream().filter(e -> e.getValue() >= 2).sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(3).forEach(e -> found.putIfAbsent(e.getKey(), byId.get(e.getKey())));
        List<Source> sources = new ArrayList<>();
        for (ReferenceLibrary.TopicSummary t : found.values()) {
            library.topic(t.id()).ifPresent(topic -> {
                StringBuilder s = new StringBuilder(topic.name()).append(" (Nave's Topical Bible):");
                int listed = 0;
                for (ReferenceLibrary.Heading h : topic.headings()) {
                    if (listed >= 12) break;
                    if (h.verses().isEmpty()) continue;
                    s.append("\n- ").append(h.heading().isBlank() ? topic.name() : h.heading()).append(": ");
                    s.append(String.join(", ", h.verses().stream().limit(4).map(VerseRef::osis).toList()));
                    listed++;
                }
                sources.add(new Source("", Source.Kind.TOPIC, "", "Topic: " + topic.name(), s.toString()));
            });
        }
        return sources;
    }

    /** Each commentary's entry on the best three verses, cut to a few sentences. */
    private List<Source> commentary(List<VerseRef> verses) {
        List<Source> sources = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (VerseRef v : verses.subList(0, Math.min(3, verses.size()))) {
            for (ReferenceLibrary.CommentaryEntry e : library.commentaryOn(v)) {
                String osis = e.first().equals(e.last()) ? e.first().osis() : e.first().osis() + "-" + e.last().osis();
                if (!seen.add(e.module() + osis)) continue;
                String excerpt = e.text().length() <= COMMENTARY_CHARS ? e.text()
                        : e.text().substring(0, sentenceEnd(e.text(), COMMENTARY_CHARS)) + " …";
                sources.add(new Source("", Source.Kind.COMMENTARY, osis,
                        e.module() + " on " + CitationVerifier.label(List.of(OsisRange.ofVerses(e.first(), e.last()))),
                        excerpt.strip()));
            }
        }
        return sources;
    }

    /** The lexicon entries of Strong's numbers the question asks about ("What does G26 mean?"), at most two. */
    private List<ReferenceLibrary.Lemma> lemmasAsked(String question) {
        List<ReferenceLibrary.Lemma> found = new ArrayList<>();
        for (String word : question.split("[\\s,;?!.()¿¡]+")) {
            Optional<StrongsNumber> number = StrongsNumber.parse(word);
            if (number.isEmpty()) continue;
            library.lemma(number.get().id()).ifPresent(found::add);
            if (found.size() >= 2) break;
        }
        return found;
    }

    private static int sentenceEnd(String text, int max) {
        int cut = text.lastIndexOf(". ", max);
        return cut > max / 2 ? cut + 1 : max;
    }
}
