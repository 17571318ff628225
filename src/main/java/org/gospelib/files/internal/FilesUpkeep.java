package org.gospelib.files.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.gospelib.files.FileStore;
import org.gospelib.identity.UserDeleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the file store to its rules: exports past keeping are removed with their rows, and the
 * directory store applies the bucket's lifecycle rules itself (files under {@code tmp/} after a
 * day, half-written files a crash left after an hour). A deleted reader's exports go with them.
 */
@Component
class FilesUpkeep {

    private static final Logger log = LoggerFactory.getLogger(FilesUpkeep.class);
    static final Duration TEMPORARY = Duration.ofDays(1);
    static final Duration PARTIAL = Duration.ofHours(1);

    private final ExportStore exports;
    private final FileStore files;
    private final FilesProperties properties;
    private final Clock clock;

    FilesUpkeep(ExportStore exports, FileStore files, FilesProperties properties, Clock clock) {
        this.exports = exports;
        this.files = files;
        this.properties = properties;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(UserDeleted event) {
        exports.deleteAll(event.userId());
        files.deleteAll("exports/" + event.userId() + "/");
    }

    @Scheduled(fixedDelayString = "${gospelib.files.upkeep-interval:1h}", initialDelayString = "${gospelib.files.upkeep-interval:1h}")
    void upkeep() {
        sweep(clock.instant());
    }

    /** Removes what is past keeping at {@code now}; the number of files removed. */
    int sweep(Instant now) {
        int removed = 0;
        for (ExportStore.Export old : exports.finishedBefore(now.minus(properties.exportsKeptFor()), 500)) {
            files.delete(ExportJob.key(old));
            exports.delete(old.id(), old.userId());
            removed++;
        }
        if (files instanceof DirectoryFileStore directory) removed += sweepDirectory(directory.root(), now);
        if (removed > 0) log.info("files upkeep removed {} files", removed);
        return removed;
    }

    private static int sweepDirectory(Path root, Instant now) {
        if (!Files.isDirectory(root)) return 0;
        int removed = 0;
        try (Stream<Path> all = Files.walk(root)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                Instant modified = modified(file);
                boolean partial = file.getFileName().toString().endsWith(DirectoryFileStore.PARTIAL_SUFFIX)
                        && modified.isBefore(now.minus(PARTIAL));
                boolean temporary = root.relativize(file).startsWith("tmp") && modified.isBefore(now.minus(TEMPORARY));
                if ((partial || temporary) && Files.deleteIfExists(file)) removed++;
            }
        } catch (IOException e) {
            log.warn("could not sweep {}: {}", root, e.toString());
        }
        return removed;
    }

    private static Instant modified(Path file) {
        try {
            FileTime time = Files.getLastModifiedTime(file);
            return time.toInstant();
        } catch (IOException e) {
            return Instant.MAX;
        }
    }

}
