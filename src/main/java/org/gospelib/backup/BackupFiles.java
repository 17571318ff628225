package org.gospelib.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The backups in a directory, by the names {@code gospelib backup} gives them. */
public final class BackupFiles {

    private BackupFiles() {
    }

    /**
     * Deletes all but the newest {@code keep} backups named {@code gospelib-<UTC time>.zip} in
     * {@code directory} (the names sort by time); any other file is left alone.
     */
    public static List<Path> keepNewest(Path directory, int keep) {
        if (keep < 1) throw new BackupException("--keep must be at least 1");
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> backups = files.filter(f -> f.getFileName().toString().matches("gospelib-\\d{8}T\\d{6}Z\\.zip"))
                    .sorted(Comparator.comparing((Path f) -> f.getFileName().toString()).reversed()).toList();
            List<Path> old = backups.subList(Math.min(keep, backups.size()), backups.size());
            for (Path file : old) Files.deleteIfExists(file);
            return old;
        } catch (IOException e) {
            throw new UncheckedIOException("could not prune the backups in " + directory, e);
        }
    }
}
