package org.gospelib.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.gospelib.support.ChildProcess;
import org.gospelib.support.RunningApplication;
import org.springframework.jdbc.core.ConnectionCallback;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class IngestTests extends RunningApplication {

    @Autowired
    CorpusIngest ingest;
    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.gospelib.content.ScriptureText served;

    /**
     * A test that ingests leaves only once the application has loaded the corpus it made: the
     * suite runs the application in its own heap, and a reload running beside the next test's
     * data is more than that heap was sized for.
     */
    @org.junit.jupiter.api.AfterEach
    void theApplicationCaughtUp() throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(3).toNanos();
        while (served.corpusVersion() < corpusVersion() && System.nanoTime() < deadline) Thread.sleep(200);
        assertThat(served.corpusVersion()).as("the corpus the application serves").isEqualTo(corpusVersion());
    }

    @Test
    void storesTheKjvWholeWithStrongsNumbers() {
        assertThat(count("select count(*) from verse where translation_id = 'KJV' and text <> ''")).isEqualTo(31_102);
        assertThat(count("select count(*) from book where translation_id = 'KJV'")).isEqualTo(66);
        assertThat(count("select count(*) from verse where translation_id = 'KJV' and content::text like '%\"H430\"%'"))
                .isGreaterThan(2_000);
        assertThat(count("select count(*) from book where translation_id = 'WEB'")).isGreaterThan(66);
    }

    @Test
    void storesNavesTopicsWithTheirVersesAndLinks() {
        assertThat(count("select count(*) from topic")).isEqualTo(5_322);
        assertThat(count("select count(*) from topic_verse")).isEqualTo(190_305);
        assertThat(count("select count(*) from topic_link")).isBetween(4_100, 4_368);
        assertThat(count("""
                select count(*) from topic_verse tv join topic t on t.id = tv.topic_id
                where t.name ilike 'faith' and tv.book = 'Heb' and tv.chapter = 11 and tv.verse = 1""")).isEqualTo(1);
        assertThat(count("select count(*) from topic_heading where cardinality(refs) > 0")).isGreaterThan(5_322);
    }

    @Test
    void storesBothStrongsLexicons() {
        assertThat(count("select count(*) from lexicon_entry where id like 'G%'")).isEqualTo(5_523);
        assertThat(count("select count(*) from lexicon_entry where id like 'H%'")).isEqualTo(8_674);
        assertThat(jdbc.queryForObject("select lemma from lexicon_entry where id = 'G26'", String.class)).isEqualTo("ἀγάπη");
        assertThat(jdbc.queryForObject("select lemma from lexicon_entry where id = 'H430'", String.class)).isEqualTo("אלהים");
        assertThat(count("select count(*) from lexicon_entry where 'H430' = any(links)")).isGreaterThan(0);
    }

    @Test
    void storesTheCommentariesWithTheirVerseRangesAndCitations() {
        assertThat(count("select count(*) from reference_work where kind = 'commentary'")).isEqualTo(3);
        assertThat(count("select count(*) from commentary_entry where module = 'MHCC'")).isEqualTo(4_047);
        assertThat(count("select count(*) from commentary_entry where module = 'Scofield'")).isEqualTo(3_207);
        assertThat(count("select count(*) from commentary_entry where module = 'TDavid'")).isEqualTo(13_674);
        // Matthew Henry comments on Psalm 23 as a whole, in one entry linked to all six verses.
        assertThat(count("""
                select count(*) from commentary_entry where module = 'MHCC' and start_book = 'Ps' and start_chapter = 23
                and start_verse = 1 and end_verse = 6""")).isEqualTo(1);
        assertThat(count("""
                select count(*) from commentary_citation c join commentary_entry e on e.id = c.entry_id
                where e.module = 'Scofield'""")).isGreaterThan(9_000);
    }

    @Test
    void aReRunOnUnchangedModulesChangesNothingAndSaysSo() {
        long versionBefore = corpusVersion();
        IngestReport report = ingest.run(IngestMode.INCREMENTAL, false);
        assertThat(report.failed()).isFalse();
        assertThat(report.modules()).extracting(IngestReport.ModuleOutcome::action)
                .containsOnly(IngestReport.ModuleOutcome.Action.UNCHANGED);
        assertThat(report.modules()).extracting(IngestReport.ModuleOutcome::module)
                .contains("engKJV2006eb", "engWEB2015eb", "spaRV1909eb", "Nave", "StrongsGreek", "StrongsHebrew", "MHCC",
                        "Scofield", "TDavid");
        assertThat(corpusVersion()).isEqualTo(versionBefore);
        assertThat(jdbc.queryForObject("select outcome from ingest_run where id = ?", String.class, report.runId()))
                .isEqualTo("unchanged");
        assertThat(jdbc.queryForObject("select jsonb_array_length(modules) from ingest_run where id = ?", Integer.class,
                report.runId())).isEqualTo(report.modules().size());
    }

    /**
     * A full ingest run as the split topology runs it, a job in a process of its own (the
     * launcher's {@code gospelib ingest --full}, with its JVM settings) against the database the
     * serving process reads.
     */
    @Test
    void aFullRunReplacesTranslationsWithoutReadersEverSeeingHalfOfOne() throws Exception {
        long versionBefore = corpusVersion();
        long runBefore = lastRunId();
        AtomicBoolean running = new AtomicBoolean(true);
        Set<Integer> seenCounts = ConcurrentHashMap.newKeySet();
        Thread reader = Thread.ofPlatform().start(() -> {
            while (running.get()) {
                seenCounts.add(count("select count(*) from verse where translation_id = 'KJV'"));
            }
        });
        String url = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getURL());
        Path jobDir = Path.of("target/ingest-job").toAbsolutePath();
        Process job = ChildProcess.gospelib("ingest", "--full", "--db-url", url + (url.contains("?") ? "&" : "?") + "user=postgres",
                        "--data-dir", jobDir.toString())
                .redirectErrorStream(true).redirectOutput(jobDir.resolveSibling("ingest-job.log").toFile()).start();
        boolean finished = job.waitFor(10, TimeUnit.MINUTES);
        running.set(false);
        reader.join();
        assertThat(finished).as("the ingest job finished (see target/ingest-job.log)").isTrue();
        assertThat(job.exitValue()).as("exit status of the ingest job (see target/ingest-job.log)").isZero();
        long runId = lastRunId();
        assertThat(runId).isGreaterThan(runBefore);
        assertThat(jdbc.queryForList("select m->>'action' from ingest_run r, jsonb_array_elements(r.modules) m where r.id = ?",
                String.class, runId)).isNotEmpty().containsOnly("REPLACED");
        assertThat(seenCounts).as("verse counts readers saw during the run").containsOnly(31_102);
        assertThat(corpusVersion()).isGreaterThan(versionBefore);
        assertThat(jdbc.queryForObject("select outcome from ingest_run where id = ?", String.class, runId))
                .isEqualTo("changed");
    }

    private long lastRunId() {
        Long id = jdbc.queryForObject("select coalesce(max(id), 0) from ingest_run", Long.class);
        return id == null ? 0 : id;
    }

    private long corpusVersion() {
        Long v = jdbc.queryForObject("select version from corpus_state", Long.class);
        return v == null ? -1 : v;
    }

    private int count(String sql) {
        Integer n = jdbc.queryForObject(sql, Integer.class);
        return n == null ? -1 : n;
    }
}
