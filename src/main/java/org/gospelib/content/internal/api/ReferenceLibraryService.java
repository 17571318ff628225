package org.gospelib.content.internal.api;

import org.gospelib.content.internal.corpus.CorpusSnapshot;
import org.gospelib.content.internal.corpus.ReferenceWorks;
import org.gospelib.content.internal.corpus.SnapshotHolder;
import org.gospelib.content.internal.corpus.TranslationSnapshot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.gospelib.content.ReferenceLibrary;
import org.gospelib.content.internal.graph.RelatedVerses;
import org.gospelib.content.internal.graph.ScriptureGraph;
import org.gospelib.scripture.VerseRef;
import org.gospelib.scripture.Versification;
import org.springframework.stereotype.Component;

/** {@link ReferenceLibrary} answered from the current corpus snapshot. */
@Component
class ReferenceLibraryService implements ReferenceLibrary {

    static final int MAX_LEMMA_VERSES = 500;

    private final SnapshotHolder snapshots;

    ReferenceLibraryService(SnapshotHolder snapshots) {
        this.snapshots = snapshots;
    }

    @Override
    public List<RelatedVerse> related(VerseRef verse, int limit) {
        Versification kjv = Versification.kjv();
        if (!kjv.contains(verse) || limit < 1) return List.of();
        ScriptureGraph graph = snapshots.current().graph();
        return graph.related().of(kjv.ordinal(verse), Math.min(limit, RelatedVerses.KEPT_PER_VERSE)).stream()
                .map(r -> new RelatedVerse(kjv.verseAt(r.verse()), r.score(), reasons(graph, r.evidence())))
                .toList();
    }

    private static List<String> reasons(ScriptureGraph graph, List<RelatedVerses.Evidence> evidence) {
        Set<String> reasons = new LinkedHashSet<>();
        for (RelatedVerses.Evidence e : evidence) {
            if (e.isCrossReference()) {
                reasons.add("cross-reference" + graph.source(e.source()).map(s -> " (" + s + ")").orElse(""));
                continue;
            }
            String key = graph.key(e.node());
            reasons.add(switch (graph.kind(e.node())) {
                case TOPIC -> "topic: " + graph.label(e.node());
                case COMMENTARY -> "commentary: " + key.split(":")[1];
                default -> graph.kind(e.node()).prefix() + ": " + graph.label(e.node());
            });
        }
        return List.copyOf(reasons);
    }

    @Override
    public List<TopicSummary> topicsOf(VerseRef verse) {
        Versification kjv = Versification.kjv();
        if (!kjv.contains(verse)) return List.of();
        return snapshots.current().referenceWorks().topicsOf(kjv.ordinal(verse)).stream()
                .map(ReferenceLibraryService::summary).toList();
    }

    @Override
    public List<CommentaryEntry> commentaryOn(VerseRef verse) {
        Versification kjv = Versification.kjv();
        if (!kjv.contains(verse)) return List.of();
        int ordinal = kjv.ordinal(verse);
        return snapshots.current().referenceWorks().commentaries().covering(ordinal, ordinal).stream()
                .map(e -> new CommentaryEntry(e.module(), kjv.verseAt(e.start()), kjv.verseAt(e.end()), e.title(), e.text()))
                .toList();
    }

    @Override
    public List<TopicSummary> findTopics(String query, int limit) {
        if (query.isBlank() || limit < 1) return List.of();
        return snapshots.current().referenceWorks().findTopics(query, limit).stream()
                .map(ReferenceLibraryService::summary).toList();
    }

    @Override
    public Optional<Topic> topic(String id) {
        ReferenceWorks works = snapshots.current().referenceWorks();
        return works.topic(id).map(t -> new Topic(t.id(), t.name(),
                t.headings().stream().map(h -> new Heading(h.heading(), verses(h.verses(), Integer.MAX_VALUE))).toList(),
                t.related().stream().flatMap(r -> works.topic(r).stream()).map(ReferenceLibraryService::summary).toList()));
    }

    @Override
    public Optional<Lemma> lemma(String strongs) {
        CorpusSnapshot snapshot = snapshots.current();
        ReferenceWorks works = snapshot.referenceWorks();
        String id = strongs.strip().toUpperCase(Locale.ROOT);
        return works.lemma(id).map(lemma -> {
            List<Rendering> renderings = new ArrayList<>();
            List<VerseRef> verses = List.of();
            for (TranslationSnapshot t : snapshot.translations()) {
                var found = works.renderings(t.id(), id);
                if (found.isEmpty()) continue;
                renderings.add(new Rendering(t.id(), found.get().verses().length, found.get().words().entrySet().stream()
                        .map(e -> new WordCount(e.getKey(), e.getValue()))
                        .sorted(Comparator.comparingInt(WordCount::count).reversed().thenComparing(WordCount::word))
                        .toList()));
                if (verses.isEmpty()) verses = verses(found.get().verses(), MAX_LEMMA_VERSES);
            }
            return new Lemma(lemma.id(), lemma.lemma(), lemma.transliteration(), lemma.pronunciation(),
                    lemma.definition(), lemma.links(), renderings, verses);
        });
    }

    @Override
    public Optional<String> gloss(String strongs) {
        return snapshots.current().referenceWorks().lemma(strongs.strip().toUpperCase(Locale.ROOT))
                .map(l -> ReferenceLibrary.glossOf(l.definition()));
    }

    private static TopicSummary summary(ReferenceWorks.Topic t) {
        return new TopicSummary(t.id(), t.name(), t.verseCount());
    }

    private static List<VerseRef> verses(int[] ordinals, int limit) {
        List<VerseRef> refs = new ArrayList<>(Math.min(ordinals.length, limit));
        for (int i = 0; i < ordinals.length && i < limit; i++) refs.add(Versification.kjv().verseAt(ordinals[i]));
        return refs;
    }
}
