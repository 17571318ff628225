package org.gospelib.content.internal.corpus;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.gospelib.content.internal.graph.EdgeKind;
import org.gospelib.content.internal.graph.GraphBuilder;
import org.gospelib.content.internal.graph.NodeKind;
import org.gospelib.content.internal.graph.ScriptureGraph;
import org.gospelib.scripture.OsisRange;
import org.gospelib.scripture.VerseRef;
import org.gospelib.scripture.Versification;

/**
 * Turns the reference works of a snapshot into the scripture graph, and decides the weights:
 * how much each kind of edge says about the two nodes it joins.
 *
 * <ul>
 *   <li>cross-reference (verse ↔ verse): 2, a translator named the verse on purpose;
 *   <li>topic lists verse: 1; verse listed in topic: 1 / ln(2 + verses listed), so that a small
 *       topic says more about its verses than a large one;
 *   <li>commentary entry covers verse: 1 / √(verses covered) both ways — a note on one verse is
 *       about that verse, an overview of a psalm is about each verse a little;
 *   <li>entry cites verse: 1 / √(verses cited) both ways;
 *   <li>lemma occurs in verse (as the KJV tags it): 1 / ln(2 + verses it occurs in) both ways;
 *   <li>see-also (topic → topic) and lemma links: 1.
 * </ul>
 */
public final class GraphAssembler {

    public static final float CROSS_REFERENCE = 2f;
    public static final int MAX_VERSES_PER_CITATION = 30;
    private static final org.gospelib.scripture.BookNames BOOK_NAMES = org.gospelib.scripture.BookNames.standard();

    private GraphAssembler() {
    }

    public static ScriptureGraph build(ReferenceWorks works, List<CrossReferenceCollector.CrossReference> crossReferences) {
        GraphBuilder graph = new GraphBuilder();
        addTopics(graph, works.topics());
        addLemmas(graph, works);
        addCommentaries(graph, works.commentaries());
        for (CrossReferenceCollector.CrossReference x : crossReferences) {
            graph.addEdge(x.from(), x.to(), EdgeKind.CROSS_REFERENCES, CROSS_REFERENCE, CROSS_REFERENCE,
                    graph.source(x.translation()));
        }
        return graph.build();
    }

    private static void addTopics(GraphBuilder graph, List<ReferenceWorks.Topic> topics) {
        Map<String, Integer> ids = new HashMap<>();
        for (ReferenceWorks.Topic topic : topics) ids.put(topic.id(), graph.addNode(NodeKind.TOPIC, "topic:" + topic.id().toUpperCase(java.util.Locale.ROOT), topic.name()));
        for (ReferenceWorks.Topic topic : topics) {
            int node = ids.get(topic.id());
            BitSet verses = new BitSet();
            for (ReferenceWorks.Heading heading : topic.headings()) for (int v : heading.verses()) verses.set(v);
            float specificity = (float) (1 / Math.log(2 + verses.cardinality()));
            verses.stream().forEach(v -> graph.addEdge(node, v, EdgeKind.LISTS, 1f, specificity, -1));
            for (String related : topic.related()) {
                Integer other = ids.get(related);
                if (other != null) graph.addEdge(node, other, EdgeKind.SEE_ALSO, 1f, 1f, -1);
            }
        }
    }

    private static void addLemmas(GraphBuilder graph, ReferenceWorks works) {
        Map<String, BitSet> occurrences = new HashMap<>();
        // The KJV's tags are Strong's own numbering; other translations' tags drift where their
        // verse division differs from the source text's, so they count only without a KJV.
        var sources = works.renderings().containsKey("KJV") ? List.of(works.renderings().get("KJV"))
                : works.renderings().values();
        for (Map<String, ReferenceWorks.Renderings> byLemma : sources) {
            byLemma.forEach((lemma, renderings) -> {
                BitSet verses = occurrences.computeIfAbsent(lemma, l -> new BitSet());
                for (int v : renderings.verses()) verses.set(v);
            });
        }
        List<ReferenceWorks.Lemma> lemmas = new ArrayList<>(works.lemmas());
        lemmas.sort((a, b) -> a.id().compareTo(b.id()));
        for (ReferenceWorks.Lemma lemma : lemmas) {
            String label = lemma.id() + " " + lemma.lemma()
                    + (lemma.transliteration().isBlank() ? "" : " (" + lemma.transliteration() + ")");
            int node = graph.addNode(NodeKind.LEMMA, "lemma:" + lemma.id(), label);
            BitSet verses = occurrences.getOrDefault(lemma.id(), new BitSet());
            float weight = (float) (1 / Math.log(2 + verses.cardinality()));
            verses.stream().forEach(v -> graph.addEdge(node, v, EdgeKind.OCCURS_IN, weight, weight, -1));
        }
        for (ReferenceWorks.Lemma lemma : lemmas) {
            int node = graph.node("lemma:" + lemma.id()).orElseThrow();
            for (String link : lemma.links()) {
                OptionalInt other = graph.node("lemma:" + link);
                if (other.isPresent()) graph.addEdge(node, other.getAsInt(), EdgeKind.LEMMA_LINK, 1f, 1f, -1);
            }
        }
    }

    private static void addCommentaries(GraphBuilder graph, Commentaries commentaries) {
        for (Commentaries.Entry entry : commentaries.all()) {
            int node = graph.addNode(NodeKind.COMMENTARY, entry.key(), label(entry));
            float covers = (float) (1 / Math.sqrt(entry.end() - entry.start() + 1));
            for (int v = entry.start(); v <= entry.end(); v++) graph.addEdge(node, v, EdgeKind.COVERS, covers, covers, -1);
            Set<Integer> cited = new LinkedHashSet<>();
            for (String osis : entry.cites()) cited.addAll(versesOf(osis));
            float cites = (float) (1 / Math.sqrt(Math.max(1, cited.size())));
            for (int v : cited) graph.addEdge(node, v, EdgeKind.CITES, cites, cites, -1);
        }
    }

    /** "MHCC on John 3:14-17: Verses 12-17": which work, which verses, and its own heading. */
    private static String label(Commentaries.Entry entry) {
        VerseRef start = Versification.kjv().verseAt(entry.start());
        VerseRef end = Versification.kjv().verseAt(entry.end());
        String book = BOOK_NAMES.englishName(start.book()).orElse(start.book());
        String covers = book + " " + start.chapter() + ":" + start.verse();
        if (!end.equals(start)) {
            covers += end.book().equals(start.book()) && end.chapter() == start.chapter() ? "-" + end.verse()
                    : "-" + (end.book().equals(start.book()) ? "" : end.book() + " ") + end.chapter() + ":" + end.verse();
        }
        return entry.module() + " on " + covers + (entry.title().isBlank() ? "" : ": " + entry.title());
    }

    private static List<Integer> versesOf(String osis) {
        try {
            List<VerseRef> verses = OsisRange.parse(osis).verses(Versification.kjv());
            return verses.stream().limit(MAX_VERSES_PER_CITATION).filter(Versification.kjv()::contains)
                    .map(Versification.kjv()::ordinal).toList();
        } catch (IllegalArgumentException e) {
            return List.of(); // a citation outside KJV numbering relates nothing
        }
    }
}
