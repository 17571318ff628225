package org.gospelib.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.gospelib.scripture.VerseContent;
import org.gospelib.scripture.VerseContentJson;
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
        ReferenceWorksLoader fromDatabase = new ReferenceWorksLoader(jdbc);
        assertThat(served.referenceWorks().commentaries().all()).isEqualTo(fromDatabase.commentaries().all());
        assertThat(served.referenceWorks().lemmas()).containsExactlyInAnyOrderElementsOf(fromDatabase.lemmas().values());
        assertThat(served.referenceWorks().topics()).hasSameSizeAs(fromDatabase.topics());
    }

    /** A snapshot written and read back is the same snapshot, down to each verse's bytes, and builds the same graph. */
    @Test
    void givesBackExactlyWhatItWasGiven() {
        CorpusParts given = new SnapshotFile(properties.dataDir().resolve("snapshot")).read(loader.currentStamp()).orElseThrow();
        SnapshotFile file = new SnapshotFile(dir);
        assertThat(file.write(given)).isTrue();
        compare(given, file.read(given.stamp()).orElseThrow());

        var graphFromFile = SnapshotLoader.assemble(file.read(given.stamp()).orElseThrow()).graph();
        var graphServed = holder.current().graph();
        assertThat(graphFromFile.edgeCount()).isEqualTo(graphServed.edgeCount());
        assertThat(graphFromFile.related().size()).isEqualTo(graphServed.related().size());
    }

    private static void compare(CorpusParts fromDatabase, CorpusParts fromFile) {
        assertThat(fromFile.version()).isEqualTo(fromDatabase.version());
        assertThat(fromFile.translations()).hasSameSizeAs(fromDatabase.translations());
        for (int i = 0; i < fromDatabase.translations().size(); i++) {
            TranslationSnapshot expected = fromDatabase.translations().get(i);
            TranslationSnapshot actual = fromFile.translations().get(i);
            assertThat(actual.info()).isEqualTo(expected.info());
            assertThat(actual.books()).isEqualTo(expected.books());
            assertThat(actual.contentDigest()).isEqualTo(expected.contentDigest());
            assertThat(actual.byNativeRef().keySet()).isEqualTo(expected.byNativeRef().keySet());
            expected.byNativeRef().forEach((ref, e) -> {
                VerseEntry a = actual.byNativeRef().get(ref);
                assertThat(a.json()).isEqualTo(e.json());
                assertThat(a.content()).isEqualTo(e.content());
            });
            for (int k = 0; k < expected.byKjvOrdinal().length; k++) {
                VerseEntry e = expected.byKjvOrdinal()[k];
                VerseEntry a = actual.byKjvOrdinal()[k];
                assertThat(a == null ? null : a.nativeRef()).isEqualTo(e == null ? null : e.nativeRef());
            }
        }
        ReferenceWorks expected = fromDatabase.works();
        ReferenceWorks actual = fromFile.works();
        assertThat(actual.topics()).hasSameSizeAs(expected.topics());
        for (int i = 0; i < expected.topics().size(); i++) {
            ReferenceWorks.Topic e = expected.topics().get(i);
            ReferenceWorks.Topic a = actual.topics().get(i);
            assertThat(List.of(a.id(), a.name(), a.related())).isEqualTo(List.of(e.id(), e.name(), e.related()));
            assertThat(a.headings()).hasSameSizeAs(e.headings());
            for (int h = 0; h < e.headings().size(); h++) {
                assertThat(a.headings().get(h).heading()).isEqualTo(e.headings().get(h).heading());
                assertThat(a.headings().get(h).verses()).isEqualTo(e.headings().get(h).verses());
            }
        }
        assertThat(actual.lemmas()).containsExactlyInAnyOrderElementsOf(expected.lemmas());
        assertThat(actual.renderings().keySet()).isEqualTo(expected.renderings().keySet());
        expected.renderings().forEach((translation, byLemma) -> {
            assertThat(actual.renderings().get(translation).keySet()).isEqualTo(byLemma.keySet());
            byLemma.forEach((lemma, r) -> {
                ReferenceWorks.Renderings a = actual.renderings().get(translation).get(lemma);
                assertThat(a.words()).isEqualTo(r.words());
                assertThat(a.verses()).isEqualTo(r.verses());
            });
        });
        assertThat(actual.commentaries().all()).isEqualTo(expected.commentaries().all());
        assertThat(fromFile.crossReferences()).isEqualTo(fromDatabase.crossReferences());
    }

    /** The corpus this process serves, as parts to write (without the cross-references, which only feed the graph). */
    private CorpusParts served() {
        CorpusSnapshot snapshot = holder.current();
        return new CorpusParts(snapshot.version(), loader.currentStamp(), snapshot.translations(), snapshot.referenceWorks(),
                List.of());
    }

    @Test
    void isIgnoredWhenWrittenForAnotherCorpusOrDamaged() throws IOException {
        CorpusParts parts = served();
        SnapshotFile file = new SnapshotFile(dir);
        file.write(parts);
        assertThat(file.read(parts.stamp() + "0")).isEmpty();
        Path written = file.fileFor(parts.stamp());
        assertThat(listed()).containsExactly(written);

        try (RandomAccessFile raw = new RandomAccessFile(written.toFile(), "rw")) {
            raw.seek(raw.length() / 2);
            int b = raw.read();
            raw.seek(raw.length() / 2);
            raw.write(b ^ 0x5a);
        }
        assertThat(file.read(parts.stamp())).isEmpty();

        file.write(parts);
        try (RandomAccessFile raw = new RandomAccessFile(written.toFile(), "rw")) {
            raw.setLength(raw.length() - 3);
        }
        assertThat(file.read(parts.stamp())).isEmpty();
        Files.write(written, new byte[] {1, 2, 3});
        assertThat(file.read(parts.stamp())).isEmpty();
    }

    @Test
    void keepsOnlyTheNewestFile() throws IOException {
        CorpusParts parts = served();
        SnapshotFile file = new SnapshotFile(dir);
        Files.createDirectories(dir);
        Path old = file.fileFor("1-1");
        Files.write(old, new byte[] {0});
        Files.write(file.fileFor(parts.stamp()).resolveSibling("corpus-x.snapshot.tmp"), new byte[] {0});
        file.write(parts);
        assertThat(listed()).containsExactly(file.fileFor(parts.stamp()));
    }

    private List<Path> listed() throws IOException {
        try (var files = Files.list(dir)) {
            return files.sorted(Comparator.naturalOrder()).toList();
        }
    }

}
