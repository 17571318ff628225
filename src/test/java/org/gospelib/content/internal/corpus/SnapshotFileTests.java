package org.gospelib.content.internal.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.gospelib.ingest.CorpusTables;
import org.gospelib.ingest.VerseContentJson;
import org.gospelib.scripture.VerseContent;
import org.gospelib.scripture.VerseRef;
import org.gospelib.support.RunningApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.gospelib.platform.GospelibProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The snapshot file against the real corpus: what it gives back is what the database gave. */
class SnapshotFileTests extends RunningApplication {

    @Autowired
    SnapshotLoader loader;

    @Autowired
    SnapshotHolder holder;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JsonMapper mapper;

    @Autowired
    GospelibProperties properties;

    @Autowired
    PlatformTransactionManager transactions;

    TransactionTemplate readOnly;

    @org.junit.jupiter.api.BeforeEach
    void readOnlyTransactions() {
        readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
    }

    @TempDir
    Path dir;

    /**
     * What this process serves came from its snapshot file (written at its first start and read
     * back): every verse must be what the database holds, JSON and model alike. Rows are read with
     * a cursor and compared one by one, so the test holds no second copy of the corpus in the
     * application's heap.
     */
    @Test
    void everyVerseServedIsWhatTheDatabaseHolds() {
        CorpusSnapshot served = holder.current();
        int[] compared = {0};
        readOnly.executeWithoutResult(status -> jdbc.query(con -> {
            var statement = con.prepareStatement(
                    "select translation_id, book, chapter, verse, content from verse where text <> ''");
            statement.setFetchSize(1_000);
            return statement;
        }, rs -> {
            String translation = rs.getString(1);
            VerseRef ref = new VerseRef(rs.getString(2), rs.getInt(3), rs.getInt(4));
            VerseEntry entry = served.translation(translation).flatMap(t -> t.byNative(ref)).orElseThrow();
            VerseContent stored = VerseContentJson.read(rs.getString(5));
            byte[] json = mapper.writeValueAsBytes(ApiModel.VerseJson.of(translation, ref, stored));
            if (!java.util.Arrays.equals(entry.json(), json)) throw new AssertionError(ref + " in " + translation + ": JSON differs");
            if (!entry.content().equals(stored)) throw new AssertionError(ref + ": " + entry.content() + " != " + stored);
            compared[0]++;
        }));
        assertThat(compared[0]).isGreaterThan(90_000);
        ReferenceWorksLoader fromDatabase = new ReferenceWorksLoader(new CorpusTables(jdbc));
        assertThat(served.referenceWorks().commentaries().all()).isEqualTo(fromDatabase.commentaries().all());
        assertThat(served.referenceWorks().lemmas()).containsExactlyInAnyOrderElementsOf(fromDatabase.lemmas().values());
        assertThat(served.referenceWorks().topics()).hasSameSizeAs(fromDatabase.topics());
    }

    /**
     * The corpus served (read from the snapshot file, or built at a first start and written to
     * it) writes to the very same bytes the file holds: nothing of the corpus is lost or changed
     * on the way through the file (the test above ties what is served to the database). No
     * second copy of the corpus is read: the test runs beside the application, in its heap.
     */
    @Test
    void writingWhatWasReadGivesTheSameFile() throws IOException {
        SnapshotFile served = new SnapshotFile(properties.dataDir().resolve("snapshot"));
        String key = loader.currentIdentity().contentKey();
        SnapshotFile copy = new SnapshotFile(dir);
        assertThat(copy.write(key, served())).isTrue();
        assertThat(Files.mismatch(served.fileFor(key), copy.fileFor(key))).isEqualTo(-1L);
        assertThat(served().translations()).extracting(TranslationSnapshot::id).containsExactly("KJV", "WEB", "RV1909");
    }

    /**
     * The graph served, which is the one in the file (above), holds the derived related verses
     * computed when it was built: they are what computing them now gives.
     */
    @Test
    void theGraphReadBackIsTheGraphBuilt() {
        var graph = served().graph();
        assertThat(graph.onHeap()).as("the served graph's edges are the mapped file's, not a copy on the heap").isFalse();
        assertThat(graph.nodeCount()).isGreaterThan(50_000);
        assertThat(graph.edgeCount()).isGreaterThan(500_000);
        int john316 = graph.node("verse:John.3.16").orElseThrow();
        assertThat(graph.related().of(john316, 50))
                .isEqualTo(org.gospelib.content.internal.graph.RelatedVerses.compute(graph, john316, 50));
        int love = graph.node("topic:LOVE").orElseThrow();
        assertThat(graph.key(love)).isEqualTo("topic:LOVE");
        assertThat(graph.degree(love)).isPositive();
    }

    /**
     * A load from the database writes the verses with an empty graph first and the graph in its
     * place once built: the file that makes is byte for byte the one written with the graph at once.
     */
    @Test
    void theGraphWrittenInPlaceMakesTheSameFile() throws IOException {
        CorpusSnapshot served = served();
        String key = loader.currentIdentity().contentKey();
        SnapshotFile direct = new SnapshotFile(dir.resolve("direct"));
        SnapshotFile inPlace = new SnapshotFile(dir.resolve("in-place"));
        assertThat(direct.write(key, served)).isTrue();
        assertThat(inPlace.write(key, new CorpusSnapshot(served.version(), key, served.worksKey(), served.translations(), served.referenceWorks(),
                org.gospelib.content.internal.graph.ScriptureGraph.EMPTY))).isTrue();
        long withoutGraph = Files.size(inPlace.fileFor(key));
        assertThat(withoutGraph).isLessThan(Files.size(direct.fileFor(key)));
        var written = inPlace.replaceGraph(key, served.graph());
        assertThat(written).hasValueSatisfying(graph -> {
            assertThat(graph.onHeap()).as("served from the file").isFalse();
            assertThat(graph.edgeCount()).isEqualTo(served.graph().edgeCount());
            int john316 = graph.node("verse:John.3.16").orElseThrow();
            assertThat(graph.related().of(john316, 50)).isEqualTo(served.graph().related().of(john316, 50));
        });
        assertThat(Files.mismatch(direct.fileFor(key), inPlace.fileFor(key))).isEqualTo(-1L);
        // a graph once written may be mapped by a served corpus: it is never rewritten in place
        assertThat(inPlace.replaceGraph(key, served.graph())).isEmpty();
        assertThat(Files.mismatch(direct.fileFor(key), inPlace.fileFor(key))).isEqualTo(-1L);
    }

    /** The corpus this process serves. */
    private CorpusSnapshot served() {
        return holder.current();
    }

    @Test
    void isIgnoredWhenWrittenForAnotherCorpusOrDamaged() throws IOException {
        CorpusSnapshot parts = served();
        String key = loader.currentIdentity().contentKey();
        SnapshotFile file = new SnapshotFile(dir);
        file.write(key, parts);
        assertThat(file.read(key + "0", 1)).isEmpty();
        Path written = file.fileFor(key);
        assertThat(listed()).containsExactly(written);

        try (RandomAccessFile raw = new RandomAccessFile(written.toFile(), "rw")) {
            raw.seek(raw.length() / 2);
            int b = raw.read();
            raw.seek(raw.length() / 2);
            raw.write(b ^ 0x5a);
        }
        assertThat(file.read(key, 1)).isEmpty();

        file.write(key, parts);
        try (RandomAccessFile raw = new RandomAccessFile(written.toFile(), "rw")) {
            raw.setLength(raw.length() - 3);
        }
        assertThat(file.read(key, 1)).isEmpty();
        Files.write(written, new byte[] {1, 2, 3});
        assertThat(file.read(key, 1)).isEmpty();
    }

    /**
     * A process stopped (kill -9, out of memory) after a load wrote the verses and before it wrote
     * their graph leaves a file with an empty graph: the next start must not serve that.
     */
    @Test
    void aFileWhoseGraphWasNeverWrittenIsNotServed() throws IOException {
        CorpusSnapshot served = served();
        String key = loader.currentIdentity().contentKey();
        SnapshotFile file = new SnapshotFile(dir);
        assertThat(file.write(key, new CorpusSnapshot(served.version(), key, served.worksKey(), served.translations(), served.referenceWorks(),
                org.gospelib.content.internal.graph.ScriptureGraph.EMPTY))).isTrue();
        assertThat(file.read(key, 1)).isEmpty();
        assertThat(file.readBeforeItsGraph(key, 1, served.referenceWorks())).hasValueSatisfying(s -> {
            assertThat(s.translations()).hasSize(3);
            assertThat(s.referenceWorks()).isSameAs(served.referenceWorks());
        });
        assertThat(file.replaceGraph(key, served.graph())).isPresent();
        assertThat(file.read(key, 1)).hasValueSatisfying(s -> assertThat(s.graph().edgeCount()).isEqualTo(served.graph().edgeCount()));
    }

    @Test
    void keepsOnlyTheNewestFile() throws IOException {
        CorpusSnapshot parts = served();
        String key = loader.currentIdentity().contentKey();
        SnapshotFile file = new SnapshotFile(dir);
        Files.createDirectories(dir);
        Path old = file.fileFor("1-1");
        Files.write(old, new byte[] {0});
        Files.write(file.fileFor(key).resolveSibling("corpus-x.snapshot.tmp"), new byte[] {0});
        file.write(key, parts);
        assertThat(listed()).containsExactly(file.fileFor(key));
    }

    /**
     * A version of the corpus with the same content (a full ingest of unchanged modules bumps the
     * version and stores the same rows) is served from the corpus in memory: the same graph and
     * translations, nothing read or built again beside them.
     */
    @Test
    void aNewVersionOfTheSameContentIsServedWithoutLoadingItAgain() {
        CorpusSnapshot before = served();
        Long bumped = jdbc.queryForObject("update corpus_state set version = version + 1 where id = 1 returning version",
                Long.class);
        holder.corpusChanged(bumped);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> served().version() == bumped);
        CorpusSnapshot after = served();
        assertThat(after.contentKey()).isEqualTo(before.contentKey());
        assertThat(after.graph()).isSameAs(before.graph());
        assertThat(after.translations()).isSameAs(before.translations());
        assertThat(after.referenceWorks()).isSameAs(before.referenceWorks());
    }

    /** The content key follows every module's checksum and parser version, and nothing else. */
    @Test
    void theContentKeyChangesWithAnyModuleAndOnlyWithOne() {
        CorpusTables tables = new CorpusTables(jdbc);
        String key = tables.identity().contentKey();
        assertThat(key).hasSize(32).isEqualTo(served().contentKey());
        TransactionTemplate rolledBack = new TransactionTemplate(transactions);
        List<String> changed = List.of(
                "update translation set checksum = checksum || 'x' where id = 'WEB'",
                "update translation set parser_version = parser_version + 1 where id = 'KJV'",
                "update reference_work set checksum = checksum || 'x' where kind = 'commentary'",
                "delete from reference_work where kind = 'topical'");
        for (String change : changed) {
            String keyAfter = rolledBack.execute(status -> {
                status.setRollbackOnly();
                jdbc.update(change);
                return tables.identity().contentKey();
            });
            assertThat(keyAfter).as(change).isNotEqualTo(key);
        }
        String versionOnly = rolledBack.execute(status -> {
            status.setRollbackOnly();
            jdbc.update("update corpus_state set version = version + 5 where id = 1");
            return tables.identity().contentKey();
        });
        assertThat(versionOnly).isEqualTo(key);
    }

    /**
     * A version whose content changed (here a module stored again under another checksum: its
     * content key changes) is read from the database and built beside the corpus being served,
     * then swapped in; the served one keeps answering meanwhile.
     */
    @Test
    void aChangedCorpusIsLoadedBesideTheServedOneAndSwappedIn() {
        CorpusSnapshot before = served();
        try {
            jdbc.update("update translation set checksum = checksum || '-changed' where id = 'WEB'");
            Long bumped = jdbc.queryForObject("update corpus_state set version = version + 1 where id = 1 returning version", Long.class);
            holder.corpusChanged(bumped);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(3)).until(() -> served().version() == bumped);
            CorpusSnapshot after = served();
            assertThat(after.contentKey()).isNotEqualTo(before.contentKey());
            assertThat(after.graph()).isNotSameAs(before.graph());
            // only a translation changed: the topics, lexicons and commentaries in memory serve on
            assertThat(after.worksKey()).isEqualTo(before.worksKey());
            assertThat(after.referenceWorks().commentaries()).isSameAs(before.referenceWorks().commentaries());
            assertThat(after.referenceWorks().lemmaMap()).isSameAs(before.referenceWorks().lemmaMap());
            assertThat(after.graph().edgeCount()).isEqualTo(before.graph().edgeCount());
            assertThat(after.translation("WEB").orElseThrow().info().verseCount())
                    .isEqualTo(before.translation("WEB").orElseThrow().info().verseCount());
        } finally {
            jdbc.update("update translation set checksum = replace(checksum, '-changed', '') where id = 'WEB'");
            Long restored = jdbc.queryForObject("update corpus_state set version = version + 1 where id = 1 returning version", Long.class);
            holder.corpusChanged(restored);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(3)).until(() -> served().version() == restored);
        }
        assertThat(served().contentKey()).isEqualTo(before.contentKey());
    }

    private List<Path> listed() throws IOException {
        try (var files = Files.list(dir)) {
            return files.sorted(Comparator.naturalOrder()).toList();
        }
    }

}
