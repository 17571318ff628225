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
 * The files module alone (with platform and the job queue), its neighbours stubbed and no corpus:
 * a deleted account takes its exports' rows and files with it; the directory store keeps the
 * bucket's lifecycle rules itself (exports past keeping go with their rows, temporary files after
 * a day, half-written files a crash left after an hour; nothing younger, and nothing else).
 */
@ApplicationModuleTest(extraIncludes = {"platform", "jobs", "audit"})
@TestPropertySource(properties = {"gospelib.data-dir=target/module-test-data", "gospelib.ingest.on-start=never",
        "logging.file.name=target/module-test-data/logs/gospelib.log"})
class FilesModuleTests {

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

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void aDeletedAccountTakesItsExportsWithIt(org.springframework.modulith.test.Scenario scenario) {
        UUID user = UUID.randomUUID();
        UUID export = UUID.randomUUID();
        String key = "exports/" + user + "/" + export + ".json";
        files.put(key, "{}".getBytes(StandardCharsets.UTF_8), "application/json");
        String others = "exports/" + UUID.randomUUID() + "/kept.json";
        files.put(others, "{}".getBytes(StandardCharsets.UTF_8), "application/json");
        jdbc.update("insert into file_export (id, user_id, format, translation, status, file_key, requested_at) "
                + "values (?, ?, 'JSON', 'KJV', 'ready', ?, now())", export, user, key);
        // the listener removes the files as it goes and the rows when its transaction commits: both awaited
        scenario.publish(new org.gospelib.identity.UserDeleted(user, Instant.now()))
                .andWaitForStateChange(() -> !files.exists(key)
                        && jdbc.queryForObject("select count(*) from file_export where user_id = ?", Long.class, user) == 0,
                        gone -> gone)
                .andVerify(gone -> assertThat(files.exists(others)).isTrue());
    }

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
