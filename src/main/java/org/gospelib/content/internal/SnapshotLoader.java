package org.gospelib.content.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gospelib.content.TranslationInfo;
import org.gospelib.ingest.VerseContentJson;
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
 * Reads the corpus from PostgreSQL into a {@link CorpusSnapshot}. Everything is read in one
 * repeatable-read, read-only transaction, so a snapshot never mixes two corpus versions even
 * while an ingest is replacing a translation.
 */
@Component
class SnapshotLoader {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SnapshotLoader.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final JsonMapper mapper;
    private final ReferenceWorksLoader referenceLoader;

    SnapshotLoader(JdbcTemplate jdbc, PlatformTransactionManager transactions, JsonMapper mapper) {
        this.jdbc = jdbc;
        this.referenceLoader = new ReferenceWorksLoader(jdbc);
        this.mapper = mapper;
        this.readOnly = new TransactionTemplate(transactions);
        readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        readOnly.setReadOnly(true);
    }

    long currentVersion() {
        Long v = jdbc.queryForObject("select version from corpus_state where id = 1", Long.class);
        return v == null ? 0 : v;
    }

    /** A translation decoded, with what was gathered from its verses on the way. */
    private record DecodedTranslation(TranslationSnapshot snapshot, Map<String, ReferenceWorks.Renderings> renderings,
            List<CrossReferenceCollector.CrossReference> crossReferences) {
    }

    /**
     * Reads everything in one transaction, decoding each verse as its row arrives: a verse's
     * stored form is dropped as soon as its API JSON is rendered, so the heap never holds the
     * corpus twice.
     */
    CorpusParts read() {
        long start = System.nanoTime();
        CorpusParts parts = readOnly.execute(status -> {
            String stamp = currentStamp();
            long version = currentVersion();
            List<TranslationSnapshot> translations = new ArrayList<>();
            Map<String, Map<String, ReferenceWorks.Renderings>> renderings = new HashMap<>();
            List<CrossReferenceCollector.CrossReference> crossReferences = new ArrayList<>();
            for (TranslationInfo info : translationInfos()) {
                DecodedTranslation d = read(info);
                translations.add(d.snapshot());
                renderings.put(info.id(), d.renderings());
                crossReferences.addAll(d.crossReferences());
            }
            ReferenceWorks works = new ReferenceWorks(referenceLoader.topics(), referenceLoader.lemmas(), renderings,
                    referenceLoader.commentaries());
            return new CorpusParts(version, stamp, translations, works, crossReferences);
        });
        log.info("corpus v{} read from the database and decoded in {} ms", parts.version(),
                (System.nanoTime() - start) / 1_000_000);
        return parts;
    }

    /** The snapshot of these parts, with the scripture graph built from them. */
    static CorpusSnapshot assemble(CorpusParts parts) {
        return new CorpusSnapshot(parts.version(), parts.translations(), parts.works(),
                GraphAssembler.build(parts.works(), parts.crossReferences()));
    }

    /**
     * What identifies the stored corpus: its version and the transaction that last changed it, so
     * that a different database at the same version number never passes for this one.
     */
    String currentStamp() {
        return jdbc.queryForObject("select version || '-' || xmin::text from corpus_state where id = 1", String.class);
    }

    private List<TranslationInfo> translationInfos() {
        // KJV first: it is the reference numbering and the default translation.
        return jdbc.query("""
                select id, name, language, license, versification, verse_count from translation
                order by case when versification = 'KJV' and id = 'KJV' then 0 else 1 end, language, id""",
                (rs, i) -> new TranslationInfo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6)));
    }

    private DecodedTranslation read(TranslationInfo info) {
        RenderingsCollector renderings = new RenderingsCollector();
        CrossReferenceCollector notes = new CrossReferenceCollector(info.id());
        Map<VerseRef, VerseEntry> byNative = new HashMap<>(64_000);
        jdbc.query(con -> {
            var statement = con.prepareStatement(
                    "select book, chapter, verse, content from verse where translation_id = ? and text <> ''");
            statement.setFetchSize(2_000); // a cursor: rows arrive in batches, not all at once
            statement.setString(1, info.id());
            return statement;
        }, rs -> {
            VerseRef ref = new VerseRef(rs.getString(1), rs.getInt(2), rs.getInt(3));
            VerseContent content = VerseContentJson.read(rs.getString(4));
            renderings.add(ref, content);
            notes.add(ref, content);
            byNative.put(ref, VerseEntry.onHeap(ref, mapper.writeValueAsBytes(ApiModel.VerseJson.of(info.id(), ref, content))));
        });
        Map<VerseRef, Optional<VerseRef>> alignment = new HashMap<>();
        jdbc.query("""
                select kjv_book, kjv_chapter, kjv_verse, native_book, native_chapter, native_verse
                from verse_alignment where translation_id = ?""", rs -> {
            VerseRef kjvRef = new VerseRef(rs.getString(1), rs.getInt(2), rs.getInt(3));
            String nativeBook = rs.getString(4);
            alignment.put(kjvRef, nativeBook == null ? Optional.empty()
                    : Optional.of(new VerseRef(nativeBook, rs.getInt(5), rs.getInt(6))));
        }, info.id());
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
        jdbc.query("""
                select osis_id, name, long_name, abbreviation, testament, chapter_count, verse_count
                from book where translation_id = ? order by position""", rs -> {
            String osis = rs.getString(1);
            List<Integer> counts = own.book(osis).map(b -> b.versesPerChapter()).orElse(List.of());
            books.put(osis, new BookInfo(osis, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getInt(6), rs.getInt(7), counts));
        }, translationId);
        return List.copyOf(books.values());
    }

}
