package org.gospelib.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.gospelib.platform.IrreplaceableData;
import org.gospelib.support.ChildProcess;
import org.gospelib.support.Http;
import org.gospelib.support.Readers;
import org.gospelib.support.RunningApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The backup and restore drill, with the commands as an operator runs them: readers' data is
 * made through the API; {@code gospelib backup} copies it from the embedded PostgreSQL while the
 * application keeps running (it attaches to the server the running process owns);
 * {@code gospelib restore} writes it into a new, empty database, which it first brings to this
 * release's schema; a second backup, of the restored database, finds every table's rows
 * identical, byte for byte. A restore refuses, and changes nothing, when the target holds data,
 * when another client is connected, and when the backup is damaged.
 */
class BackupRestoreDrillTests extends RunningApplication {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    DataSource dataSource;
    @Autowired
    List<IrreplaceableData> irreplaceable;
    @TempDir
    Path work;
    private String drillDatabase;

    @AfterEach
    void dropTheDrillDatabase() throws SQLException {
        if (drillDatabase == null) return;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + drillDatabase + " WITH (FORCE)");
        }
    }

    @Test
    void aBackupOfTheRunningApplicationRestoresIntoAnEmptyDatabaseWithEveryRowIdentical() throws Exception {
        List<String> emails = readersWithStudyData(3);

        Path backup = work.resolve("drill.zip");
        Run taken = gospelib("backup", backup.toString(), "--data-dir=target/test-data");
        assertThat(taken.exit()).as(taken.output()).isZero();
        Map<String, JsonNode> original = tables(backup);
        assertThat(original.keySet()).as("every table a module declares irreplaceable")
                .containsExactlyInAnyOrderElementsOf(irreplaceable.stream().flatMap(d -> d.tables().stream()).toList());
        String users = entry(backup, "app_user");
        assertThat(emails).allSatisfy(email -> assertThat(users).contains(email));
        assertThat(entry(backup, "study_item")).contains("drill note");
        assertThat(entry(backup, "plan_enrolment")).contains("Drill plan");
        assertThat(entry(backup, "webhook_endpoint")).contains("drill-hook");
        assertThat(original.get("signing_key").path("rows").asLong()).as("the token-signing keys").isPositive();

        String restoredUrl = emptyDatabase();
        Run restored = gospelib("restore", backup.toString(), "--db-url=" + restoredUrl, "--data-dir=" + work.resolve("restore"));
        assertThat(restored.exit()).as(restored.output()).isZero();
        assertThat(restored.output()).contains("restored");

        Path again = work.resolve("of-the-restored.zip");
        Run retaken = gospelib("backup", again.toString(), "--db-url=" + restoredUrl, "--data-dir=" + work.resolve("restore"));
        assertThat(retaken.exit()).as(retaken.output()).isZero();
        Map<String, JsonNode> copy = tables(again);
        for (Map.Entry<String, JsonNode> table : original.entrySet()) {
            JsonNode same = copy.get(table.getKey());
            assertThat(same.path("rows").asLong()).as(table.getKey() + " rows").isEqualTo(table.getValue().path("rows").asLong());
            assertThat(same.path("sha256").asString()).as(table.getKey() + ": every row identical")
                    .isEqualTo(table.getValue().path("sha256").asString());
        }

        // into a database that holds data: refused, nothing changed
        Run overwrite = gospelib("restore", backup.toString(), "--db-url=" + restoredUrl, "--data-dir=" + work.resolve("restore"));
        assertThat(overwrite.exit()).isEqualTo(1);
        assertThat(overwrite.output()).contains("already holds data", "--replace");

        // while another client is connected: refused
        try (Connection other = DriverManager.getConnection(restoredUrl, "postgres", "")) {
            Run beside = gospelib("restore", backup.toString(), "--replace", "--db-url=" + restoredUrl,
                    "--data-dir=" + work.resolve("restore"));
            assertThat(beside.exit()).isEqualTo(1);
            assertThat(beside.output()).contains("other client");
        }

        // a damaged backup: refused before anything is written
        Path damaged = damage(backup, "study_item");
        Run broken = gospelib("restore", damaged.toString(), "--replace", "--db-url=" + restoredUrl,
                "--data-dir=" + work.resolve("restore"));
        assertThat(broken.exit()).isEqualTo(1);
        assertThat(broken.output()).contains("damaged");

        Path last = work.resolve("after-the-refusals.zip");
        assertThat(gospelib("backup", last.toString(), "--db-url=" + restoredUrl, "--data-dir=" + work.resolve("restore")).exit())
                .isZero();
        assertThat(tables(last).get("study_item").path("sha256").asString()).as("the refused restores changed nothing")
                .isEqualTo(original.get("study_item").path("sha256").asString());
    }

    /** Readers with notes, a highlight, a bookmark, a reading plan with a day read, and a webhook endpoint. */
    private List<String> readersWithStudyData(int count) {
        List<String> emails = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            String email = Readers.signUp(http);
            emails.add(email);
            String auth = Readers.bearer(http, email);
            assertThat(http.postJson("/v1/me/notes", "{\"ref\":\"John 3:16\",\"body\":\"drill note " + i + "\"}", "Authorization", auth)
                    .status()).isEqualTo(201);
            assertThat(http.postJson("/v1/me/highlights", "{\"ref\":\"Ps 23:1\",\"colour\":\"yellow\"}", "Authorization", auth)
                    .status()).isEqualTo(201);
            assertThat(http.postJson("/v1/me/bookmarks", "{\"ref\":\"Rom 8:28\"}", "Authorization", auth).status()).isEqualTo(201);
            Http.Response plan = http.postJson("/v1/me/plans", "{\"name\":\"Drill plan\",\"readings\":[\"Matt 5-7\",\"Luke 15\"]}",
                    "Authorization", auth);
            assertThat(plan.status()).as(plan.body()).isEqualTo(201);
            String id = plan.json().path("id").asString();
            assertThat(http.send("PUT", "/v1/me/plans/" + id + "/days/1", "", "Authorization", auth).status()).isBetween(200, 204);
            assertThat(http.postJson("/v1/me/webhooks", "{\"url\":\"http://127.0.0.1:9/drill-hook\",\"eventTypes\":[\"study.note.created\"]}",
                    "Authorization", auth).status()).isEqualTo(201);
        }
        return emails;
    }

    private String emptyDatabase() throws SQLException {
        drillDatabase = "drill_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + drillDatabase);
        }
        String url = ((HikariDataSource) dataSource).getJdbcUrl();
        return url.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + drillDatabase) + (url.contains("?") ? "" : "?user=postgres");
    }

    private static Map<String, JsonNode> tables(Path backup) throws IOException {
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            JsonNode manifest = JSON.readTree(zip.getInputStream(zip.getEntry("manifest.json")));
            Map<String, JsonNode> tables = new java.util.LinkedHashMap<>();
            manifest.path("tables").forEach(t -> tables.put(t.path("name").asString(), t));
            return tables;
        }
    }

    private static String entry(Path backup, String table) throws IOException {
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            return new String(zip.getInputStream(zip.getEntry("tables/" + table + ".csv")).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The same backup with one byte of a table's rows changed. */
    private Path damage(Path backup, String table) throws IOException {
        Path damaged = work.resolve("damaged.zip");
        try (ZipFile zip = new ZipFile(backup.toFile()); OutputStream file = Files.newOutputStream(damaged);
                ZipOutputStream out = new ZipOutputStream(file)) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                byte[] bytes = zip.getInputStream(entry).readAllBytes();
                if (entry.getName().equals("tables/" + table + ".csv")) bytes[bytes.length - 2] ^= 1;
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        return damaged;
    }

    private record Run(int exit, String output) {
    }

    /** The launcher's command as an operator runs it: a process of its own, with the shipped JVM settings. */
    private Run gospelib(String... arguments) throws IOException, InterruptedException {
        Path out = Files.createTempFile(work, "run", ".log");
        Process process = ChildProcess.gospelib(arguments).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("gospelib " + String.join(" ", arguments) + " did not finish: " + Files.readString(out));
        }
        String output = Files.readAllLines(out).stream().filter(l -> !l.isBlank()).collect(Collectors.joining("\n"));
        return new Run(process.exitValue(), output);
    }
}
