package org.gospelib.ingest.internal;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gospelib.ingest.internal.commentary.CommentaryEntry;
import org.gospelib.ingest.internal.lexicon.StrongsEntry;
import org.gospelib.ingest.internal.lexicon.Subheading;
import org.gospelib.ingest.internal.lexicon.Topic;
import org.gospelib.scripture.OsisRange;
import org.gospelib.scripture.VerseRef;
import org.gospelib.scripture.Versification;
import org.gospelib.ingest.CorpusChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes reference works (topical indexes, lexicons, commentaries). Each module is replaced in one
 * transaction, so readers see the old module or the new one, never a mix.
 */
@Repository
class ReferenceWorkStore {

    private static final int BATCH = 5_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;

    ReferenceWorkStore(JdbcTemplate jdbc, TransactionTemplate tx, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.events = events;
    }

    Optional<TranslationStore.StoredVersion> storedVersion(String module) {
        return jdbc.query("select checksum, parser_version from reference_work where module = ?",
                (rs, i) -> new TranslationStore.StoredVersion(rs.getString(1), rs.getInt(2)), module).stream().findFirst();
    }

    /** Replaces a topical index; returns the number of topic→verse pairs stored. */
    int replaceTopics(String module, String checksum, int parserVersion, List<Topic> topics) {
        Integer pairs = tx.execute(status -> {
            replaceWork(module, "topical", checksum, parserVersion, topics.size());
            Map<String, Integer> seenKeys = new HashMap<>();
            List<Object[]> topicRows = new ArrayList<>();
            List<Object[]> headingRows = new ArrayList<>();
            List<Object[]> verseRows = new ArrayList<>();
            List<Object[]> linkRows = new ArrayList<>();
            for (Topic topic : topics) {
                int occurrence = seenKeys.merge(topic.key(), 1, Integer::sum);
                String id = occurrence == 1 ? topic.key() : topic.key() + "-" + occurrence;
                topicRows.add(new Object[] {id, module, topic.name()});
                Set<VerseRef> verses = new HashSet<>();
                for (int h = 0; h < topic.subheadings().size(); h++) {
                    Subheading s = topic.subheadings().get(h);
                    headingRows.add(new Object[] {id, h, s.heading(), s.osisRefs().toArray(String[]::new)});
                    for (String ref : s.osisRefs()) {
                        for (VerseRef v : kjvVerses(ref)) {
                            if (verses.add(v)) verseRows.add(new Object[] {id, h, v.book(), v.chapter(), v.verse()});
                        }
                    }
                }
                for (String target : new java.util.LinkedHashSet<>(topic.seeAlsoTopicKeys())) {
                    linkRows.add(new Object[] {id, target});
                }
            }
            jdbc.batchUpdate("insert into topic (id, module, name) values (?, ?, ?)", topicRows);
            insertHeadings(headingRows);
            for (int i = 0; i < verseRows.size(); i += BATCH) {
                jdbc.batchUpdate("insert into topic_verse (topic_id, heading, book, chapter, verse) values (?, ?, ?, ?, ?)",
                        verseRows.subList(i, Math.min(verseRows.size(), i + BATCH)));
            }
            jdbc.batchUpdate("insert into topic_link (topic_id, target_key) values (?, ?) on conflict do nothing", linkRows);
            return verseRows.size();
        });
        return pairs == null ? 0 : pairs;
    }

    private void insertHeadings(List<Object[]> rows) {
        jdbc.batchUpdate("insert into topic_heading (topic_id, position, heading, refs) values (?, ?, ?, ?)", rows, BATCH,
                (ps, row) -> {
                    ps.setString(1, (String) row[0]);
                    ps.setInt(2, (Integer) row[1]);
                    ps.setString(3, (String) row[2]);
                    Array refs = ps.getConnection().createArrayOf("text", (String[]) row[3]);
                    ps.setArray(4, refs);
                });
    }

    /** The KJV verses an OSIS range covers; none when the range is malformed or outside KJV. */
    private static List<VerseRef> kjvVerses(String osisRange) {
        try {
            return OsisRange.parse(osisRange).verses(Versification.kjv());
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    void replaceLexicon(String module, String checksum, int parserVersion, List<StrongsEntry> entries) {
        tx.executeWithoutResult(status -> {
            replaceWork(module, "lexicon", checksum, parserVersion, entries.size());
            jdbc.batchUpdate("""
                    insert into lexicon_entry (id, module, lemma, transliteration, pronunciation, definition, links)
                    values (?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing""", entries, BATCH, (ps, e) -> {
                ps.setString(1, e.id());
                ps.setString(2, module);
                ps.setString(3, e.lemma());
                ps.setString(4, e.transliteration());
                ps.setString(5, e.pronunciation());
                ps.setString(6, e.definition());
                ps.setArray(7, ps.getConnection().createArrayOf("text", e.links().toArray(String[]::new)));
            });
        });
    }

    /**
     * Replaces a commentary; entries keep the module's order in {@code position}. Returns the
     * number of citations stored.
     */
    int replaceCommentary(String module, String checksum, int parserVersion, List<CommentaryEntry> entries) {
        Integer citations = tx.execute(status -> {
            replaceWork(module, "commentary", checksum, parserVersion, entries.size());
            // Ids are taken up front so that entries and their citations go in as two plain batches.
            List<Long> ids = jdbc.queryForList("select nextval('commentary_entry_id_seq') from generate_series(1, ?)",
                    Long.class, entries.size());
            List<Object[]> entryRows = new ArrayList<>(entries.size());
            List<Object[]> citationRows = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                CommentaryEntry e = entries.get(i);
                long id = ids.get(i);
                entryRows.add(new Object[] {id, module, e.start().book(), e.start().chapter(), e.start().verse(),
                        e.end().book(), e.end().chapter(), e.end().verse(), e.title(), e.text(), i});
                for (String osis : new java.util.LinkedHashSet<>(e.citedOsis())) citationRows.add(new Object[] {id, osis});
            }
            for (int i = 0; i < entryRows.size(); i += BATCH) {
                jdbc.batchUpdate("""
                        insert into commentary_entry (id, module, start_book, start_chapter, start_verse, end_book,
                            end_chapter, end_verse, title, text, position) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        entryRows.subList(i, Math.min(entryRows.size(), i + BATCH)));
            }
            for (int i = 0; i < citationRows.size(); i += BATCH) {
                jdbc.batchUpdate("insert into commentary_citation (entry_id, osis) values (?, ?)",
                        citationRows.subList(i, Math.min(citationRows.size(), i + BATCH)));
            }
            return citationRows.size();
        });
        return citations == null ? 0 : citations;
    }

    /** Called in the replacing transaction: every reader of the corpus learns of the change by its version. */
    private void replaceWork(String module, String kind, String checksum, int parserVersion, int entries) {
        Long version = jdbc.queryForObject(
                "update corpus_state set version = version + 1, changed_at = now() where id = 1 returning version",
                Long.class);
        events.publishEvent(new CorpusChanged(version == null ? 0 : version, List.of()));
        jdbc.update("delete from reference_work where module = ?", module);
        jdbc.update("""
                insert into reference_work (module, kind, checksum, parser_version, entry_count, ingested_at)
                values (?, ?, ?, ?, ?, ?)""", module, kind, checksum, parserVersion, entries, Timestamp.from(Instant.now()));
    }
}
