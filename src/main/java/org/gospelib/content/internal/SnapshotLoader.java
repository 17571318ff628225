package org.gospelib.content.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gospelib.content.TranslationInfo;
import org.gospelib.scripture.VerseContent;
import org.gospelib.scripture.VerseContentJson;
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

    CorpusSnapshot load() {
        return readOnly.execute(status -> {
            long version = currentVersion();
            List<TranslationSnapshot> translations = new ArrayList<>();
            Map<String, Map<String, ReferenceWorks.Renderings>> renderings = new HashMap<>();
            List<CrossReferenceCollector.CrossReference> crossReferences = new ArrayList<>();
            for (TranslationInfo info : translationInfos()) {
                RenderingsCollector collector = new RenderingsCollector();
                CrossReferenceCollector notes = new CrossReferenceCollector(info.id());
                TranslationSnapshot translation = loadTranslation(info, collector, notes);
                translations.add(translation);
                renderings.put(info.id(), collector.build());
                crossReferences.addAll(notes.resolve(translation.byKjvOrdinal()));
            }
            ReferenceWorks works = new ReferenceWorks(referenceLoader.topics(), referenceLoader.lemmas(), renderings,
                    referenceLoader.commentaries());
            return new CorpusSnapshot(version, translations, works, GraphAssembler.build(works, crossReferences));
        });
    }

    private List<TranslationInfo> translationInfos() {
        // KJV first: it is the reference numbering and the default translation.
        return jdbc.query("""
                select id, name, language, license, versification, verse_count from translation
                order by case when versification = 'KJV' and id = 'KJV' then 0 else 1 end, language, id""",
                (rs, i) -> new TranslationInfo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6)));
    }

    private TranslationSnapshot loadTranslation(TranslationInfo info, RenderingsCollector renderings,
            CrossReferenceCollector notes) {
        Versification kjv = Versification.kjv();
        Versification own = Versification.named(info.versification()).orElse(kjv);
        Map<VerseRef, VerseEntry> byNative = new HashMap<>(40_000);
        jdbc.query("select book, chapter, verse, content from verse where translation_id = ? and text <> ''", rs -> {
            VerseRef ref = new VerseRef(rs.getString(1), rs.getInt(2), rs.getInt(3));
            String stored = rs.getString(4);
            VerseContent content = VerseContentJson.read(stored);
            renderings.add(ref, content);
            notes.add(ref, content);
            byte[] json = mapper.writeValueAsBytes(ApiModel.VerseJson.of(info.id(), ref, content));
            byNative.put(ref, new VerseEntry(ref, content.text(), content.title(), json, stored));
        }, info.id());
        Map<VerseRef, Optional<VerseRef>> alignment = new HashMap<>();
        jdbc.query("""
                select kjv_book, kjv_chapter, kjv_verse, native_book, native_chapter, native_verse
                from verse_alignment where translation_id = ?""", rs -> {
            VerseRef kjvRef = new VerseRef(rs.getString(1), rs.getInt(2), rs.getInt(3));
            String nativeBook = rs.getString(4);
            alignment.put(kjvRef, nativeBook == null ? Optional.empty()
                    : Optional.of(new VerseRef(nativeBook, rs.getInt(5), rs.getInt(6))));
        }, info.id());

        VerseEntry[] byKjv = new VerseEntry[kjv.verseTotal()];
        for (int i = 0; i < byKjv.length; i++) {
            VerseRef kjvRef = kjv.verseAt(i);
            byKjv[i] = alignment.getOrDefault(kjvRef, Optional.of(kjvRef)).map(byNative::get).orElse(null);
        }
        return new TranslationSnapshot(info, books(info.id(), own), byKjv, byNative);
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
