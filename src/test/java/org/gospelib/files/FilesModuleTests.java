package org.gospelib.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.gospelib.content.ScriptureText;
import org.gospelib.identity.Accounts;
import org.gospelib.identity.UserDeleted;
import org.gospelib.study.StudyExports;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The files module alone (with platform and the job queue), its neighbours stubbed and no corpus:
 * a deleted account takes its exports' rows and files with it.
 */
@ApplicationModuleTest(extraIncludes = {"platform", "jobs"})
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
    JdbcTemplate jdbc;

    @Autowired
    FileStore files;

    @Test
    void aDeletedAccountTakesItsExportsWithIt(Scenario scenario) {
        UUID user = UUID.randomUUID();
        UUID export = UUID.randomUUID();
        String key = "exports/" + user + "/" + export + ".json";
        files.put(key, "{}".getBytes(StandardCharsets.UTF_8), "application/json");
        String others = "exports/" + UUID.randomUUID() + "/kept.json";
        files.put(others, "{}".getBytes(StandardCharsets.UTF_8), "application/json");
        jdbc.update("insert into file_export (id, user_id, format, translation, status, file_key, requested_at) "
                + "values (?, ?, 'JSON', 'KJV', 'ready', ?, now())", export, user, key);
        // the listener removes the files as it goes and the rows when its transaction commits: both awaited
        scenario.publish(new UserDeleted(user, Instant.now()))
                .andWaitForStateChange(() -> !files.exists(key)
                        && jdbc.queryForObject("select count(*) from file_export where user_id = ?", Long.class, user) == 0,
                        gone -> gone)
                .andVerify(gone -> assertThat(files.exists(others)).isTrue());
    }
}
