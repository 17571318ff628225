package org.gospelib.backup;

import java.time.Instant;
import java.util.List;

/**
 * What a backup holds: the schema version it was taken at (Flyway's), when, and per table its
 * owner, columns, rows and the SHA-256 of its CSV copy.
 */
public record BackupManifest(int format, Instant createdAt, String schemaVersion, List<Table> tables) {

    /** The format this release writes and reads. */
    public static final int FORMAT = 1;

    public BackupManifest {
        tables = List.copyOf(tables);
    }

    public record Table(String module, String name, List<String> columns, long rows, String sha256) {
        public Table {
            columns = List.copyOf(columns);
        }
    }

    public long rows() {
        return tables.stream().mapToLong(Table::rows).sum();
    }
}
