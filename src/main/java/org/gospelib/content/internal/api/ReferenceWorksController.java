package org.gospelib.content.internal.api;

import org.gospelib.content.internal.ContentProblems;
import org.gospelib.content.internal.corpus.Commentaries;
import org.gospelib.content.internal.corpus.CorpusSnapshot;
import org.gospelib.content.internal.corpus.SnapshotHolder;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.gospelib.content.ReferenceLibrary;
import org.gospelib.content.internal.graph.RelatedVerses;
import org.gospelib.content.internal.graph.ScriptureGraph;
import org.gospelib.platform.CorpusCaching;
import org.gospelib.platform.HeavyWork;
import org.gospelib.platform.ProblemException;
import org.gospelib.scripture.StrongsNumber;
import org.gospelib.scripture.VerseRef;
import org.gospelib.scripture.Versification;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * Topics (Nave's Topical Bible), commentaries on a passage, and Strong's lemmas with how each
 * translation renders them,
 * answered from the snapshot like every content answer: no SQL per request, ETags from the corpus version.
 */
@RestController
@RequestMapping(path = "/v1", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
@Tag(name = "Reference works", description = "Topics, original-language lemmas, commentaries and related verses")
class ReferenceWorksController {

    static final int MAX_TOPICS = 50;

    private final SnapshotHolder snapshots;
    private final References references;
    private final ReferenceLibrary library;
    private final HeavyWork heavy;

    /**
     * The most verses one commentary request may cover: a long chapter (Psalm 119 has 176) and
     * then some. Commentaries are long; a whole book's would be megabytes in one answer.
     */
    static final int MAX_COMMENTARY_VERSES = 200;
    private static final int HEAVY_COMMENTARY_VERSES = 40;

    ReferenceWorksController(SnapshotHolder snapshots, References references, ReferenceLibrary library, HeavyWork heavy) {
        this.snapshots = snapshots;
        this.library = library;
        this.references = references;
        this.heavy = heavy;
    }

    record TopicSummary(String id, String name, int verses) {
    }

    record TopicList(String query, List<TopicSummary> topics) {
    }

    record HeadingJson(String heading, List<String> verses) {
    }

    record TopicJson(String id, String name, List<HeadingJson> headings, List<TopicSummary> related) {
    }

    record Rendering(String word, int count) {
    }

    record TranslationRenderings(String translation, int verses, List<Rendering> renderings) {
    }

    record LemmaJson(String id, String lemma, String transliteration, String pronunciation, String definition,
            List<String> links, List<TranslationRenderings> translations, List<String> verses) {
    }

    @GetMapping("/topics")
    @Operation(summary = "Find topics", description = "Nave's topics whose name contains the query.")
    ResponseEntity<TopicList> topics(@RequestParam(required = false) String q,
            @RequestParam(defaultValue = "20") int limit, WebRequest request) {
        if (q == null || q.isBlank()) throw ContentProblems.missingParameter("q");
        if (q.length() > 200) throw ContentProblems.invalidParameter("q must be at most 200 characters");
        if (limit < 1 || limit > MAX_TOPICS) throw ContentProblems.invalidParameter("limit must be between 1 and " + MAX_TOPICS);
        CorpusSnapshot snapshot = snapshots.loaded();
        String etag = ContentController.etag(snapshot, "topics|" + q + "|" + limit);
        if (request.checkNotModified(etag)) return notModified(etag);
        List<TopicSummary> found = snapshot.referenceWorks().findTopics(q, limit).stream()
                .map(t -> new TopicSummary(t.id(), t.name(), t.verseCount())).toList();
        return ok(etag, new TopicList(q, found));
    }

    @GetMapping("/topics/{id}")
    @Operation(summary = "A topic", description = "Its sub-headings with their verses, and related topics.")
    ResponseEntity<TopicJson> topic(@PathVariable String id, WebRequest request) {
        CorpusSnapshot snapshot = snapshots.loaded();
        ReferenceLibrary.Topic topic = library.topic(id).orElseThrow(() -> new ProblemException("topic-not-found",
                "Topic not found", 404, "no topic '" + id + "'", Map.of("topic", id)));
        String etag = ContentController.etag(snapshot, "topic|" + topic.id());
        if (request.checkNotModified(etag)) return notModified(etag);
        List<HeadingJson> headings = topic.headings().stream()
                .map(h -> new HeadingJson(h.heading(), h.verses().stream().map(VerseRef::osis).toList())).toList();
        List<TopicSummary> related = topic.related().stream()
                .map(t -> new TopicSummary(t.id(), t.name(), t.verses())).toList();
        return ok(etag, new TopicJson(topic.id(), topic.name(), headings, related));
    }

    @GetMapping("/lemmas/{strongs}")
    @Operation(summary = "A Strong's lemma",
            description = "The lexicon entry, its occurrences, and how each translation renders it, with counts.")
    ResponseEntity<LemmaJson> lemma(@PathVariable String strongs, WebRequest request) {
        String id = StrongsNumber.parse(strongs).map(StrongsNumber::id).orElseThrow(() -> new ProblemException("invalid-strongs",
                "Invalid Strong's number", 400, "'" + strongs + "' is not a Strong's number such as H430 or G26",
                Map.of("strongs", strongs)));
        CorpusSnapshot snapshot = snapshots.loaded();
        String etag = ContentController.etag(snapshot, "lemma|" + id);
        if (request.checkNotModified(etag)) return notModified(etag);
        ReferenceLibrary.Lemma lemma = library.lemma(id).orElseThrow(() -> new ProblemException("lemma-not-found",
                "Lemma not found", 404, "the lexicon has no entry " + id, Map.of("strongs", id)));
        List<TranslationRenderings> translations = lemma.renderings().stream()
                .map(r -> new TranslationRenderings(r.translation(), r.verses(),
                        r.words().stream().map(w -> new Rendering(w.word(), w.count())).toList()))
                .toList();
        return ok(etag, new LemmaJson(lemma.id(), lemma.lemma(), lemma.transliteration(), lemma.pronunciation(),
                lemma.definition(), lemma.links(), translations, lemma.verses().stream().map(VerseRef::osis).toList()));
    }

    record CommentaryJson(String module, String covers, String title, String text, List<String> cites) {
    }

    record CommentaryList(String reference, String osis, List<CommentaryJson> entries) {
    }

    @GetMapping("/commentary")
    @Operation(summary = "Commentary on a passage",
            description = "The entries of every commentary that cover any verse of the reference, with the scripture they cite.")
    ResponseEntity<CommentaryList> commentary(@RequestParam(required = false) String ref, WebRequest request) {
        if (ref == null || ref.isBlank()) throw ContentProblems.missingParameter("ref");
        CorpusSnapshot snapshot = snapshots.loaded();
        References.Resolved resolved = references.resolve(ref);
        if (resolved.verseCount() > MAX_COMMENTARY_VERSES) {
            throw ContentProblems.passageTooLong(resolved.verseCount(), MAX_COMMENTARY_VERSES);
        }
        String etag = ContentController.etag(snapshot, "commentary|" + resolved.osis());
        if (request.checkNotModified(etag)) return notModified(etag);
        if (resolved.verseCount() > HEAVY_COMMENTARY_VERSES) return heavy.run(() -> commentary(ref, snapshot, resolved, etag));
        return commentary(ref, snapshot, resolved, etag);
    }

    private ResponseEntity<CommentaryList> commentary(String ref, CorpusSnapshot snapshot, References.Resolved resolved,
            String etag) {
        Commentaries commentaries = snapshot.referenceWorks().commentaries();
        java.util.Set<Commentaries.Entry> seen = new java.util.LinkedHashSet<>();
        for (References.Part part : resolved.parts()) {
            if (part.verses().isEmpty()) continue;
            var kjv = Versification.kjv();
            var first = part.verses().getFirst();
            var last = part.verses().getLast();
            if (!kjv.contains(first) || !kjv.contains(last)) continue;
            seen.addAll(commentaries.covering(kjv.ordinal(first), kjv.ordinal(last)));
        }
        List<CommentaryJson> entries = seen.stream().map(e -> new CommentaryJson(e.module(), covers(e), e.title(), e.text(),
                e.cites())).toList();
        return ok(etag, new CommentaryList(ref, resolved.osis(), entries));
    }

    record EvidenceJson(String kind, String source, String node) {
    }

    record RelatedJson(String osis, double score, List<EvidenceJson> evidence) {
    }

    record TopicRef(String id, String name) {
    }

    record CommentaryRef(String module, String covers, String title) {
    }

    record RelatedAnswer(String osis, List<RelatedJson> related, List<TopicRef> topics, List<CommentaryRef> commentary) {
    }

    @GetMapping("/verses/{osis}/related")
    @Operation(summary = "Verses related to a verse",
            description = "Ranked, each with its evidence (cross-reference notes, commentary citations, shared topics), "
                    + "plus the topics and commentary entries on the verse.")
    ResponseEntity<RelatedAnswer> related(@PathVariable String osis, @RequestParam(defaultValue = "20") int limit,
            WebRequest request) {
        if (limit < 1 || limit > RelatedVerses.KEPT_PER_VERSE) {
            throw ContentProblems.invalidParameter("limit must be between 1 and " + RelatedVerses.KEPT_PER_VERSE);
        }
        CorpusSnapshot snapshot = snapshots.loaded();
        var verse = references.singleVerse(osis);
        if (!Versification.kjv().contains(verse)) {
            throw ContentProblems.verseOutOfRange(verse.osis(), verse.osis() + " is not in KJV numbering");
        }
        String etag = ContentController.etag(snapshot, "related|" + verse.osis() + "|" + limit);
        if (request.checkNotModified(etag)) return notModified(etag);
        int ordinal = Versification.kjv().ordinal(verse);
        ScriptureGraph graph = snapshot.graph();
        List<RelatedJson> related = graph.related().of(ordinal, limit).stream()
                .map(r -> new RelatedJson(Versification.kjv().verseAt(r.verse()).osis(), Math.round(r.score() * 1000) / 1000.0,
                        r.evidence().stream().map(e -> evidence(graph, e)).toList()))
                .toList();
        List<TopicRef> topics = snapshot.referenceWorks().topicsOf(ordinal).stream()
                .map(t -> new TopicRef(t.id(), t.name())).toList();
        List<CommentaryRef> commentary = snapshot.referenceWorks().commentaries().covering(ordinal, ordinal).stream()
                .map(e -> new CommentaryRef(e.module(), covers(e), e.title())).toList();
        return ok(etag, new RelatedAnswer(verse.osis(), related, topics, commentary));
    }

    private static EvidenceJson evidence(ScriptureGraph graph, RelatedVerses.Evidence e) {
        if (e.isCrossReference()) return new EvidenceJson("cross-reference", graph.source(e.source()).orElse(""), null);
        String key = graph.key(e.node());
        return switch (graph.kind(e.node())) {
            case TOPIC -> new EvidenceJson("topic", graph.label(e.node()), key);
            case COMMENTARY -> new EvidenceJson("commentary", key.split(":")[1], key);
            default -> new EvidenceJson(graph.kind(e.node()).prefix(), graph.label(e.node()), key);
        };
    }

    private static String covers(Commentaries.Entry e) {
        String start = Versification.kjv().verseAt(e.start()).osis();
        return e.start() == e.end() ? start : start + "-" + Versification.kjv().verseAt(e.end()).osis();
    }

    private static <T> ResponseEntity<T> ok(String etag, T body) {
        return CorpusCaching.ok(etag, body);
    }

    private static <T> ResponseEntity<T> notModified(String etag) {
        return CorpusCaching.notModified(etag);
    }
}
