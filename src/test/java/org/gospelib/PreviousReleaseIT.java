package org.gospelib;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.gospelib.support.ChildProcess;
import org.gospelib.support.Http;
import org.gospelib.support.Readers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A rollback is the previous image alone (docs/decisions/0013): the release before the newest
 * migration must run on the schema this release migrated to. Built from the repository's
 * history (the parent of the commit that added the newest migration), it is started on a
 * database this release's {@code gospelib migrate} made, ingests its corpus, and serves readers —
 * a sign-up, a note written and read back; then this release, started on the same database, reads
 * that note. Run by Maven's integration-test phase, after the jar is packaged.
 */
class PreviousReleaseIT {

    private static final Path WORK = Path.of("target/previous-release").toAbsolutePath();
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopEverything() throws InterruptedException {
        for (Process process : processes) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        }
    }

    /**
     * The newest commit before the newest migrations whose every migration is, byte for byte, one
     * this release has: the parent of a commit that changed the migrations, unless that parent holds
     * a version of a migration that was edited before it was ever released (a release never had it).
     */
    private static String previousRelease() throws Exception {
        String touching = run(Path.of("."), "git", "log", "--format=%H", "--", MIGRATIONS).strip();
        assertThat(touching).as("the repository's history (a clone, not an export)").isNotEmpty();
        for (String commit : touching.split("\\s+")) {
            String parent = run(Path.of("."), "git", "rev-parse", commit + "^").strip();
            String theirs = run(Path.of("."), "git", "ls-tree", "--name-only", parent, MIGRATIONS + "/").strip();
            if (theirs.isEmpty()) continue;
            boolean same = true;
            for (String file : theirs.split("\\s+")) {
                String old = run(Path.of("."), "git", "rev-parse", parent + ":" + file).strip();
                String now = run(Path.of("."), "sh", "-c", "git rev-parse HEAD:" + file + " 2>/dev/null || true").strip();
                same &= old.equals(now);
            }
            if (same) return parent;
        }
        throw new AssertionError("no commit before the newest migrations holds only migrations of this release");
    }

    private static final String MIGRATIONS = "src/main/resources/db/migration";

    @Test
    void thePreviousReleaseRunsOnTheSchemaThisReleaseMigratedTo() throws Exception {
        deleteTree(WORK);
        Files.createDirectories(WORK);
        String previous = previousRelease();
        Path source = WORK.resolve("source");
        Files.createDirectories(source);
        run(Path.of("."), "sh", "-c", "git archive " + previous + " | tar -x -C " + source);
        run(source, "mvn", "-q", "-B", "-DskipTests", "package");
        Path previousJar = source.resolve("target/gospelib.jar");
        assertThat(previousJar).exists();

        Path data = WORK.resolve("data");
        run(Path.of("."), java("-jar", Path.of("target/gospelib.jar").toAbsolutePath().toString(), "migrate",
                "--data-dir=" + data));

        int port = ChildProcess.freePort();
        Process old = start(WORK.resolve("previous.log"), java("-jar", previousJar.toString(), "serve", "--port=" + port,
                "--data-dir=" + data, "--gospelib.search.semantic.enabled=false"));
        Http http = new Http(port);
        ChildProcess.awaitReady(old, http, WORK.resolve("previous.log"), Duration.ofMinutes(15));
        String auth = Readers.newReader(http);
        Http.Response note = http.postJson("/v1/me/notes", "{\"ref\":\"Ps 23:1\",\"body\":\"written by the previous release\"}",
                "Authorization", auth);
        assertThat(note.status()).as(note.body()).isEqualTo(201);
        assertThat(http.get("/v1/me/notes", "Authorization", auth).body()).contains("written by the previous release");
        assertThat(http.get("/v1/verses/John.3.16").body()).contains("God so loved");
        old.destroy();
        assertThat(old.waitFor(60, TimeUnit.SECONDS)).isTrue();

        Process current = start(WORK.resolve("current.log"), java("-jar", Path.of("target/gospelib.jar").toAbsolutePath().toString(),
                "serve", "--port=" + port, "--data-dir=" + data, "--gospelib.search.semantic.enabled=false"));
        ChildProcess.awaitReady(current, http, WORK.resolve("current.log"), Duration.ofMinutes(10));
        assertThat(http.get("/v1/me/notes", "Authorization", Readers.bearer(http, emailOf(auth, http)))
                .body()).contains("written by the previous release");
    }

    /** The signed-in reader's email, to sign in again on the other release. */
    private static String emailOf(String auth, Http http) {
        return http.get("/v1/me", "Authorization", auth).json().path("email").asString();
    }

    private static List<String> java(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ChildProcess.jvmOptions());
        command.addAll(List.of(arguments));
        return command;
    }

    private Process start(Path log, List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        processes.add(process);
        return process;
    }

    private static String run(Path dir, List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("previous-release", ".log");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        if (!process.waitFor(15, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish");
        }
        String output = Files.readString(out);
        Files.delete(out);
        assertThat(process.exitValue()).as(String.join(" ", command) + ":\n" + output).isZero();
        return output;
    }

    private static String run(Path dir, String... command) throws IOException, InterruptedException {
        return run(dir, List.of(command));
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) return;
        try (Stream<Path> all = Files.walk(path)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
