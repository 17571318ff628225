package org.gospelib.backup;

import java.nio.file.Path;

/** Saves the irreplaceable tables to a file, and writes them back. */
public interface DatabaseBackup {

    /**
     * Copies every irreplaceable table from one snapshot of the database (a repeatable-read,
     * read-only transaction: the backup is consistent while the services keep writing) into
     * {@code file}, which appears only once complete.
     */
    BackupManifest backUp(Path file);

    /**
     * Writes a backup into this database, in one transaction: after checking every table's
     * checksum, that the backup's schema is not newer than this one, that no other client is
     * connected, and — unless {@code replace} — that the tables are empty. Either every row is
     * restored or nothing changes.
     *
     * @throws BackupException naming what is wrong, before anything is written
     */
    BackupManifest restore(Path file, boolean replace);
}
