package org.gospelib.content.internal.corpus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gospelib.ingest.CorpusTables;
import org.gospelib.scripture.VerseRef;
import org.gospelib.scripture.Versification;

/** Reads topics, commentaries and lexicon entries for the snapshot, inside the snapshot's own transaction. */
public final class ReferenceWorksLoader {

    private final CorpusTables tables;

    public ReferenceWorksLoader(CorpusTables tables) {
        this.tables = tables;
    }

    public List<ReferenceWorks.Topic> topics() {
        Map<String, String> names = new LinkedHashMap<>();
        tables.topics(t -> names.put(t.id(), t.name()));
        Map<String, Map<Integer, String>> headings = new HashMap<>();
        tables.topicHeadings(h -> headings.computeIfAbsent(h.topicId(), t -> new LinkedHashMap<>()).put(h.position(), h.heading()));
        Map<String, Map<Integer, List<Integer>>> verses = new HashMap<>();
        Versification kjv = Versification.kjv();
        tables.topicVerses(v -> {
            if (!kjv.contains(v.ref())) return;
            verses.computeIfAbsent(v.topicId(), t -> new HashMap<>())
                    .computeIfAbsent(v.heading(), h -> new ArrayList<>()).add(kjv.ordinal(v.ref()));
        });
        Set<String> known = names.keySet();
        Map<String, List<String>> links = new HashMap<>();
        tables.topicLinks(l -> {
            if (known.contains(l.targetKey())) links.computeIfAbsent(l.topicId(), t -> new ArrayList<>()).add(l.targetKey());
        });
        List<ReferenceWorks.Topic> topics = new ArrayList<>(names.size());
        names.forEach((id, name) -> {
            List<ReferenceWorks.Heading> list = new ArrayList<>();
            Map<Integer, List<Integer>> byHeading = verses.getOrDefault(id, Map.of());
            headings.getOrDefault(id, Map.of()).forEach((position, heading) -> {
                int[] ordinals = byHeading.getOrDefault(position, List.of()).stream().mapToInt(Integer::intValue).sorted().toArray();
                if (ordinals.length > 0) list.add(new ReferenceWorks.Heading(heading, ordinals));
            });
            topics.add(new ReferenceWorks.Topic(id, name, list, links.getOrDefault(id, List.of())));
        });
        return topics;
    }

    public Commentaries commentaries() {
        Map<Long, List<String>> cites = new HashMap<>();
        tables.commentaryCitations(c -> cites.computeIfAbsent(c.entryId(), e -> new ArrayList<>()).add(c.osis()));
        Versification kjv = Versification.kjv();
        List<Commentaries.Entry> entries = new ArrayList<>();
        tables.commentaryEntries(e -> {
            // a chapter's introduction (verse 0) is kept with its first verse
            VerseRef start = new VerseRef(e.startBook(), e.startChapter(), Math.max(1, e.startVerse()));
            VerseRef end = new VerseRef(e.endBook(), e.endChapter(), Math.max(1, e.endVerse()));
            if (!kjv.contains(start) || !kjv.contains(end)) return;
            entries.add(new Commentaries.Entry(e.module(), e.position(), kjv.ordinal(start), kjv.ordinal(end), e.title(), e.text(),
                    cites.getOrDefault(e.id(), List.of())));
        });
        return new Commentaries(entries);
    }

    public Map<String, ReferenceWorks.Lemma> lemmas() {
        Map<String, ReferenceWorks.Lemma> lemmas = new HashMap<>(20_000);
        tables.lexiconEntries(l -> lemmas.put(l.id(), new ReferenceWorks.Lemma(l.id(), l.lemma(), l.transliteration(),
                l.pronunciation(), l.definition(), l.links())));
        return lemmas;
    }
}
