package org.gospelib.content.internal;

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
        String stamp = loader.currentStamp();
        SnapshotFile copy = new SnapshotFile(dir);
        assertThat(copy.write(stamp, served())).isTrue();
        assertThat(Files.mismatch(served.fileFor(stamp), copy.fileFor(stamp))).isEqualTo(-1L);
        assertThat(served().translations()).extracting(TranslationSnapshot::id).containsExactly("KJV", "WEB", "RV1909");
    }

    /**
     * The graph served, which is the one in the file (above), holds the derived related verses
     * computed when it was built: they are what computing them now gives.
     */
    @Test
    void theGraphReadBackIsTheGraphBuilt() {
        var graph = served().graph();
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
        String stamp = loader.currentStamp();
        SnapshotFile direct = new SnapshotFile(dir.resolve("direct"));
        SnapshotFile inPlace = new SnapshotFile(dir.resolve("in-place"));
        assertThat(direct.write(stamp, served)).isTrue();
        assertThat(inPlace.write(stamp, new CorpusSnapshot(served.version(), served.translations(), served.referenceWorks(),
                org.gospelib.content.internal.graph.ScriptureGraph.EMPTY))).isTrue();
        long withoutGraph = Files.size(inPlace.fileFor(stamp));
        assertThat(withoutGraph).isLessThan(Files.size(direct.fileFor(stamp)));
        assertThat(inPlace.replaceGraph(stamp, served.graph())).isTrue();
        assertThat(Files.mismatch(direct.fileFor(stamp), inPlace.fileFor(stamp))).isEqualTo(-1L);
    }

    /** The corpus this process serves. */
    private CorpusSnapshot served() {
        return holder.current();
    }

    @Test
    void isIgnoredWhenWrittenForAnotherCorpusOrDamaged() throws IOException {
        CorpusSnapshot parts = served();
        String stamp = loader.currentStamp();
        SnapshotFile file = new SnapshotFile(dir);
        file.write(stamp, parts);
        assertThat(file.read(stamp + "0")).isEmpty();
        Path written = file.fileFor(stamp);
        assertThat(listed()).containsExactly(written);

        try (RandomAccessFile raw = new RandomAccessFile(written.toFile(), "rw")) {
            raw.seek(raw.length() / 2);
            int b = raw.read();
            raw.seek(raw.length() / 2);
            raw.write(b ^ 0x5a);
        }
        assertThat(file.read(stamp)).isEmpty();

        file.write(stamp, parts);
        try (RandomAccessFile raw = new RandomAccessFile(written.toFile(), "rw")) {
            raw.setLength(raw.length() - 3);
        }
        assertThat(file.read(stamp)).isEmpty();
        Files.write(written, new byte[] {1, 2, 3});
        assertThat(file.read(stamp)).isEmpty();
    }

    @Test
    void keepsOnlyTheNewestFile() throws IOException {
        CorpusSnapshot parts = served();
        String stamp = loader.currentStamp();
        SnapshotFile file = new SnapshotFile(dir);
        Files.createDirectories(dir);
        Path old = file.fileFor("1-1");
        Files.write(old, new byte[] {0});
        Files.write(file.fileFor(stamp).resolveSibling("corpus-x.snapshot.tmp"), new byte[] {0});
        file.write(stamp, parts);
        assertThat(listed()).containsExactly(file.fileFor(stamp));
    }

    private List<Path> listed() throws IOException {
        try (var files = Files.list(dir)) {
            return files.sorted(Comparator.naturalOrder()).toList();
        }
    }

}
