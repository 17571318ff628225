package org.gospelib.ingest.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gospelib.ingest.CorpusChanged;
import org.gospelib.ingest.VerseContentJson;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes translations to PostgreSQL. A translation is replaced in a single transaction, together
 * with the corpus version bump and the {@link CorpusChanged} event, so readers see the old
 * translation or the new one, never a mix, and no change goes unannounced.
 */
@Repository
class TranslationStore {

    private static final int BATCH = 2_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;

    TranslationStore(JdbcTemplate jdbc, TransactionTemplate tx, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.events = events;
    }

    /** Checksum and parser version of what is stored for a module, if it is stored. */
    Optional<StoredVersion> storedVersion(String module) {
        return jdbc.query("select checksum, parser_version from translation where module = ?",
                (rs, i) -> new StoredVersion(rs.getString(1), rs.getInt(2)), module).stream().findFirst();
    }

    record StoredVersion(String checksum, int parserVersion) {
    }

    /** Replaces the translation atomically and returns the new corpus version. */
    long replace(TranslationImage image, ProgressListener progress) {
        Long version = tx.execute(status -> {
            TranslationImage.Meta m = image.meta();
            jdbc.update("delete from translation where id = ? or module = ?", m.id(), m.module());
            jdbc.update("""
                    insert into translation (id, module, name, language, license, versification, module_version,
                        checksum, parser_version, verse_count, ingested_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    m.id(), m.module(), m.name(), m.language(), m.license(), m.versification(), m.moduleVersion(),
                    m.checksum(), m.parserVersion(), image.verses().stream().filter(v -> !v.content().isEmpty()).count(),
                    Timestamp.from(Instant.now()));
            jdbc.batchUpdate("""
                    insert into book (translation_id, osis_id, position, name, long_name, abbreviation, testament,
                        chapter_count, verse_count) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    image.books(), BATCH, (ps, b) -> {
                        ps.setString(1, m.id());
                        ps.setString(2, b.osisId());
                        ps.setInt(3, b.position());
                        ps.setString(4, b.name());
                        ps.setString(5, b.longName());
                        ps.setString(6, b.abbreviation());
                        ps.setString(7, b.testament().name());
                        ps.setInt(8, b.chapterCount());
                        ps.setInt(9, b.verseCount());
                    });
            List<List<TranslationImage.Verse>> chunks = chunk(image.verses());
            int done = 0;
            for (List<TranslationImage.Verse> chunk : chunks) {
                jdbc.batchUpdate("""
                        insert into verse (translation_id, book, chapter, verse, text, content)
                        values (?, ?, ?, ?, ?, ?::jsonb)""", chunk, chunk.size(), (ps, v) -> {
                    ps.setString(1, m.id());
                    ps.setString(2, v.ref().book());
                    ps.setInt(3, v.ref().chapter());
                    ps.setInt(4, v.ref().verse());
                    ps.setString(5, v.content().text());
                    ps.setString(6, VerseContentJson.write(v.content()));
                });
                done += chunk.size();
                progress.stored(m.id(), done, image.verses().size());
            }
            jdbc.batchUpdate("""
                    insert into verse_alignment (translation_id, kjv_book, kjv_chapter, kjv_verse,
                        native_book, native_chapter, native_verse, reason) values (?, ?, ?, ?, ?, ?, ?, ?)""",
                    image.alignments(), BATCH, (ps, a) -> {
                        ps.setString(1, m.id());
                        ps.setString(2, a.kjvRef().book());
                        ps.setInt(3, a.kjvRef().chapter());
                        ps.setInt(4, a.kjvRef().verse());
                        ps.setString(5, a.nativeRef().map(r -> r.book()).orElse(null));
                        ps.setObject(6, a.nativeRef().map(r -> r.chapter()).orElse(null));
                        ps.setObject(7, a.nativeRef().map(r -> r.verse()).orElse(null));
                        ps.setString(8, a.reason());
                    });
            long newVersion = bumpCorpusVersion();
            events.publishEvent(new CorpusChanged(newVersion, List.of(m.id())));
            return newVersion;
        });
        return version == null ? 0 : version;
    }

    private long bumpCorpusVersion() {
        Long v = jdbc.queryForObject(
                "update corpus_state set version = version + 1, changed_at = now() where id = 1 returning version",
                Long.class);
        return v == null ? 0 : v;
    }

    private static <T> List<List<T>> chunk(List<T> all) {
        List<List<T>> chunks = new java.util.ArrayList<>();
        for (int i = 0; i < all.size(); i += BATCH) chunks.add(all.subList(i, Math.min(all.size(), i + BATCH)));
        return chunks;
    }

    /** Records the start of a run and returns its id. */
    long startRun(String mode) {
        Long id = jdbc.queryForObject(
                "insert into ingest_run (mode, started_at, outcome) values (?, now(), 'running') returning id",
                Long.class, mode);
        return id == null ? 0 : id;
    }

    void finishRun(long runId, String outcome, String modulesJson, String message) {
        jdbc.update("""
                update ingest_run set finished_at = now(), outcome = ?, modules = ?::jsonb, message = ?
                where id = ?""", outcome, modulesJson, message, runId);
    }

    Map<String, Object> lastRun() {
        return jdbc.queryForMap("select * from ingest_run order by id desc limit 1");
    }
}
