package org.gospelib.files.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.gospelib.content.ScriptureText;
import org.gospelib.files.FileStore;
import org.gospelib.identity.Accounts;
import org.gospelib.study.ExportFormat;
import org.gospelib.study.StudyExports;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The directory store keeps the bucket's lifecycle rules itself: exports past keeping go with
 * their rows, temporary files after a day, half-written files a crash left after an hour; nothing
 * younger, and nothing else, is touched.
 */
@ApplicationModuleTest(extraIncludes = {"platform", "jobs"})
@TestPropertySource(properties = {"gospelib.data-dir=target/module-test-data", "gospelib.ingest.on-start=never",
        "logging.file.name=target/module-test-data/logs/gospelib.log"})
class FilesUpkeepModuleTests {

    @MockitoBean
    Accounts accounts;

    @MockitoBean
    ScriptureText scripture;

    @MockitoBean
    StudyExports study;

    @Autowired
    FileStore files;

    @Autowired
    ExportStore exports;

    @Autowired
    FilesUpkeep upkeep;

    @Test
    void theSweepAppliesTheLifecycleRules() throws Exception {
        Path root = ((DirectoryFileStore) files).root();
        Instant now = Instant.now();
        UUID user = UUID.randomUUID();
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        for (UUID id : new UUID[] {old, recent}) {
            exports.insert(id, user, ExportFormat.JSON, "KJV", now);
            String key = "exports/" + user + "/" + id + ".json";
            files.put(key, "{}".getBytes(StandardCharsets.UTF_8), "application/json");
            exports.ready(id, key, 2, 0, 1, id.equals(old) ? now.minus(Duration.ofDays(8)) : now.minus(Duration.ofDays(1)));
        }
        files.put("tmp/stale.json", new byte[] {1}, "application/json");
        files.put("tmp/fresh.json", new byte[] {1}, "application/json");
        files.put("cards/kept.png", new byte[] {1}, "image/png");
        Path partial = Files.writeString(root.resolve("cards/x.png." + UUID.randomUUID() + DirectoryFileStore.PARTIAL_SUFFIX), "half");
        Files.setLastModifiedTime(root.resolve("tmp/stale.json"), FileTime.from(now.minus(Duration.ofHours(25))));
        Files.setLastModifiedTime(root.resolve("cards/kept.png"), FileTime.from(now.minus(Duration.ofDays(400))));
        Files.setLastModifiedTime(partial, FileTime.from(now.minus(Duration.ofHours(2))));

        assertThat(upkeep.sweep(now)).isGreaterThanOrEqualTo(3);

        assertThat(exports.find(old)).isEmpty();
        assertThat(files.exists("exports/" + user + "/" + old + ".json")).isFalse();
        assertThat(exports.find(recent)).isPresent();
        assertThat(files.exists("exports/" + user + "/" + recent + ".json")).isTrue();
        assertThat(files.exists("tmp/stale.json")).isFalse();
        assertThat(files.exists("tmp/fresh.json")).isTrue();
        assertThat(files.exists("cards/kept.png")).as("cards are kept: content-addressed, small").isTrue();
        assertThat(partial).doesNotExist();
    }
}
