package org.gospelib.content.internal.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gospelib.content.TranslationInfo;
import org.gospelib.ingest.CorpusTables;
import org.gospelib.scripture.VerseContent;
import org.gospelib.scripture.VerseRef;
import org.gospelib.scripture.Versification;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Reads the corpus from PostgreSQL (ingest's tables, through {@link CorpusTables}) into a
 * {@link CorpusSnapshot}. Everything is read in one
 * repeatable-read, read-only transaction, so a snapshot never mixes two corpus versions even
 * while an ingest is replacing a translation.
 */
@Component
public class SnapshotLoader {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SnapshotLoader.class);

    private final CorpusTables tables;
    private final TransactionTemplate readOnly;
    private final JsonMapper mapper;
    private final ReferenceWorksLoader referenceLoader;

    public SnapshotLoader(JdbcTemplate jdbc, PlatformTransactionManager transactions, JsonMapper mapper) {
        this.tables = new CorpusTables(jdbc);
        this.referenceLoader = new ReferenceWorksLoader(tables);
        this.mapper = mapper;
        this.readOnly = new TransactionTemplate(transactions);
        readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        readOnly.setReadOnly(true);
    }

    /** The stored corpus's version and content key, read together. */
    public CorpusTables.Identity currentIdentity() {
        return tables.identity();
    }

    /** A translation decoded, with what was gathered from its verses on the way. */
    private record DecodedTranslation(TranslationSnapshot snapshot, Map<String, ReferenceWorks.Renderings> renderings,
            List<CrossReferenceCollector.CrossReference> crossReferences) {
    }

    /** Where a load hands each translation as soon as it is decoded. */
    public interface TranslationSink {
        /** Called once, before the first translation: the corpus's version and keys. */
        void begin(long version, String contentKey, String worksKey) throws IOException;

        void translation(TranslationSnapshot translation) throws IOException;
    }

    /**
     * Reads everything in one transaction, decoding each verse as its row arrives: a verse's
     * stored form is dropped as soon as its API JSON is rendered, so the heap never holds the
     * corpus twice.
     */
    public CorpusParts read() {
        List<TranslationSnapshot> translations = new ArrayList<>();
        CorpusParts parts = read(Optional.empty(), new TranslationSink() {
            @Override
            public void begin(long version, String contentKey, String worksKey) {
            }

            @Override
            public void translation(TranslationSnapshot translation) {
                translations.add(translation);
            }
        });
        return new CorpusParts(parts.version(), parts.contentKey(), parts.worksKey(), translations, parts.works(),
                parts.crossReferences());
    }

    /**
     * Reads everything in one transaction and hands each translation to {@code sink} as soon as
     * it is decoded, keeping none: a load that writes them to the snapshot file holds one
     * translation at a time beside the corpus being served. The parts returned have no
     * translations. When {@code served} is the served corpus and its reference works are the
     * stored ones (same works key), its topics, lexicon entries and commentaries are used again
     * instead of being read a second time beside them.
     */
    public CorpusParts read(Optional<CorpusSnapshot> served, TranslationSink sink) {
        long start = System.nanoTime();
        CorpusParts parts = readOnly.execute(status -> {
            CorpusTables.Identity identity = tables.identity();
            long version = identity.version();
            Map<String, Map<String, ReferenceWorks.Renderings>> renderings = new HashMap<>();
            List<CrossReferenceCollector.CrossReference> crossReferences = new ArrayList<>();
            try {
                sink.begin(version, identity.contentKey(), identity.worksKey());
                for (TranslationInfo info : translationInfos()) {
                    DecodedTranslation d = read(info);
                    renderings.put(info.id(), d.renderings());
                    crossReferences.addAll(d.crossReferences());
                    sink.translation(d.snapshot());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Optional<ReferenceWorks> same = served.filter(s -> s.isLoaded() && s.worksKey().equals(identity.worksKey()))
                    .map(CorpusSnapshot::referenceWorks);
            ReferenceWorks works = same.isPresent()
                    ? new ReferenceWorks(same.get().topics(), same.get().lemmaMap(), renderings, same.get().commentaries())
                    : new ReferenceWorks(referenceLoader.topics(), referenceLoader.lemmas(), renderings, referenceLoader.commentaries());
            if (same.isPresent()) log.info("corpus v{}: the reference works are the served ones, used again", version);
            return new CorpusParts(version, identity.contentKey(), identity.worksKey(), List.of(), works, crossReferences);
        });
        log.info("corpus v{} read from the database and decoded in {} ms", parts.version(),
                (System.nanoTime() - start) / 1_000_000);
        return parts;
    }

    /** The snapshot of these parts, with the scripture graph built from them. */
    public static CorpusSnapshot assemble(CorpusParts parts) {
        return new CorpusSnapshot(parts.version(), parts.contentKey(), parts.worksKey(), parts.translations(), parts.works(),
                GraphAssembler.build(parts.works(), parts.crossReferences()));
    }

    private List<TranslationInfo> translationInfos() {
        // KJV first: it is the reference numbering and the default translation.
        return tables.translations().stream().map(t -> new TranslationInfo(t.id(), t.name(), t.language(), t.license(),
                t.versification(), t.verseCount())).toList();
    }

    private DecodedTranslation read(TranslationInfo info) {
        RenderingsCollector renderings = new RenderingsCollector();
        CrossReferenceCollector notes = new CrossReferenceCollector(info.id());
        Map<VerseRef, VerseEntry> byNative = new HashMap<>(64_000);
        tables.verses(info.id(), verse -> {
            VerseRef ref = verse.ref();
            VerseContent content = verse.content();
            renderings.add(ref, content);
            notes.add(ref, content);
            byNative.put(ref, VerseEntry.onHeap(ref, mapper.writeValueAsBytes(ApiModel.VerseJson.of(info.id(), ref, content))));
        });
        Map<VerseRef, Optional<VerseRef>> alignment = new HashMap<>();
        tables.alignments(info.id(), a -> alignment.put(a.kjv(), a.own()));
        Versification kjv = Versification.kjv();
        VerseEntry[] byKjv = new VerseEntry[kjv.verseTotal()];
        for (int i = 0; i < byKjv.length; i++) {
            VerseRef kjvRef = kjv.verseAt(i);
            byKjv[i] = alignment.getOrDefault(kjvRef, Optional.of(kjvRef)).map(byNative::get).orElse(null);
        }
        Versification own = Versification.named(info.versification()).orElse(Versification.kjv());
        TranslationSnapshot snapshot = new TranslationSnapshot(info, books(info.id(), own), byKjv, byNative);
        return new DecodedTranslation(snapshot, renderings.build(), notes.resolve(byKjv));
    }

    private List<BookInfo> books(String translationId, Versification own) {
        Map<String, BookInfo> books = new LinkedHashMap<>();
        tables.books(translationId, b -> {
            List<Integer> counts = own.book(b.osis()).map(book -> book.versesPerChapter()).orElse(List.of());
            books.put(b.osis(), new BookInfo(b.osis(), b.name(), b.longName(), b.abbreviation(), b.testament(),
                    b.chapterCount(), b.verseCount(), counts));
        });
        return List.copyOf(books.values());
    }

}
