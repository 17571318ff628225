package org.gospelib.backup.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationVersion;
import org.gospelib.backup.BackupException;
import org.gospelib.backup.BackupManifest;
import org.gospelib.backup.DatabaseBackup;
import org.gospelib.platform.IrreplaceableData;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Backups as a zip of one CSV file per table (PostgreSQL's {@code COPY}, rows in primary-key
 * order so that equal data makes equal files) and a {@code manifest.json}. CSV rather than
 * {@code pg_dump}: the same code serves the embedded database (whose binaries come from jars,
 * without {@code pg_dump}) and any external one, needs no superuser, and restores into a later
 * schema column by column — migrations only add (docs/decisions/0013).
 */
@Component
class PostgresBackup implements DatabaseBackup {

    private static final Logger log = LoggerFactory.getLogger(PostgresBackup.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String MANIFEST = "manifest.json";
    /** The restore's own connections, told apart from other clients by this name. */
    static final String RESTORE_CLIENT = "gospelib-restore";

    private final DataSource dataSource;
    private final List<IrreplaceableData> owners;
    private final Clock clock;

    PostgresBackup(DataSource dataSource, List<IrreplaceableData> owners, Clock clock) {
        this.dataSource = dataSource;
        this.owners = owners.stream().sorted((a, b) -> a.module().compareTo(b.module())).toList();
        this.clock = clock;
    }

    @Override
    public BackupManifest backUp(Path file) {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                BackupManifest manifest;
                try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(partial))) {
                    manifest = write(connection, zip);
                }
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                log.info("backup: {} rows of {} tables at schema version {} in {}", manifest.rows(), manifest.tables().size(),
                        manifest.schemaVersion(), file);
                return manifest;
            } finally {
                connection.rollback();
                Files.deleteIfExists(partial);
            }
        } catch (SQLException e) {
            throw new BackupException("could not read the database: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new BackupException("could not write " + file + ": " + e.getMessage(), e);
        }
    }

    private BackupManifest write(Connection connection, ZipOutputStream zip) throws SQLException, IOException {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        // the first statement fixes the transaction's snapshot: everything below is read from it
        String schema = schemaVersion(connection);
        List<BackupManifest.Table> tables = new ArrayList<>();
        for (IrreplaceableData owner : owners) {
            for (String table : owner.tables()) {
                List<String> columns = columns(connection, table);
                zip.putNextEntry(new ZipEntry(entry(table)));
                MessageDigest sha = sha256();
                DigestOutputStream out = new DigestOutputStream(new KeepOpen(zip), sha);
                long rows = copy.copyOut("COPY (SELECT " + String.join(", ", quoted(columns)) + " FROM " + quote(table)
                        + orderBy(connection, table) + ") TO STDOUT WITH (FORMAT csv, HEADER true)", out);
                out.flush();
                zip.closeEntry();
                tables.add(new BackupManifest.Table(owner.module(), table, columns, rows, HexFormat.of().formatHex(sha.digest())));
            }
        }
        BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, clock.instant(), schema, tables);
        zip.putNextEntry(new ZipEntry(MANIFEST));
        zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        zip.closeEntry();
        return manifest;
    }

    @Override
    public BackupManifest restore(Path file, boolean replace) {
        if (!Files.isRegularFile(file)) throw new BackupException("no backup at " + file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            BackupManifest manifest = manifest(zip, file);
            verify(zip, manifest);
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    restore(connection, zip, manifest, replace);
                    connection.commit();
                } catch (SQLException | IOException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                }
            }
            log.info("restore: {} rows of {} tables from {} (schema version {})", manifest.rows(), manifest.tables().size(), file,
                    manifest.schemaVersion());
            return manifest;
        } catch (SQLException e) {
            throw new BackupException("the restore failed and changed nothing: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new BackupException("could not read the backup " + file + ": " + e.getMessage(), e);
        }
    }

    private void restore(Connection connection, ZipFile zip, BackupManifest manifest, boolean replace) throws SQLException, IOException {
        String schema = schemaVersion(connection);
        if (MigrationVersion.fromVersion(manifest.schemaVersion()).compareTo(MigrationVersion.fromVersion(schema)) > 0) {
            throw new BackupException("the backup was taken at schema version " + manifest.schemaVersion()
                    + ", newer than this database's " + schema + ": restore it with the release that made it");
        }
        Map<String, IrreplaceableData> ownerOf = new LinkedHashMap<>();
        for (IrreplaceableData owner : owners) owner.tables().forEach(t -> ownerOf.put(t, owner));
        for (BackupManifest.Table table : manifest.tables()) {
            if (!ownerOf.containsKey(table.name())) {
                throw new BackupException("the backup holds table " + table.name() + ", which this release does not keep");
            }
            List<String> missing = new ArrayList<>(table.columns());
            missing.removeAll(columns(connection, table.name()));
            if (!missing.isEmpty()) {
                throw new BackupException("table " + table.name() + " has no column " + missing + " in this database");
            }
        }
        long others = otherClients(connection);
        if (others > 0) {
            throw new BackupException(others + " other client(s) are connected to this database: stop GospeLib (in Kubernetes, "
                    + "scale its deployments to zero) before restoring");
        }
        if (!replace) {
            for (String table : ownerOf.keySet()) {
                if (hasRows(connection, table)) {
                    throw new BackupException("table " + table + " already holds data: restore into an empty database, "
                            + "or pass --replace to overwrite everything the backup covers");
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE " + String.join(", ", quoted(List.copyOf(ownerOf.keySet()))));
        }
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        for (BackupManifest.Table table : manifest.tables()) {
            try (InputStream in = zip.getInputStream(zip.getEntry(entry(table.name())))) {
                long rows = copy.copyIn("COPY " + quote(table.name()) + " (" + String.join(", ", quoted(table.columns()))
                        + ") FROM STDIN WITH (FORMAT csv, HEADER true)", in);
                if (rows != table.rows()) {
                    throw new BackupException("table " + table.name() + ": " + rows + " rows read, the manifest says " + table.rows());
                }
            }
            resetSequences(connection, table.name());
        }
    }

    private static BackupManifest manifest(ZipFile zip, Path file) throws IOException {
        ZipEntry entry = zip.getEntry(MANIFEST);
        if (entry == null) throw new BackupException(file + " is not a GospeLib backup (no " + MANIFEST + ")");
        BackupManifest manifest;
        try (InputStream in = zip.getInputStream(entry)) {
            manifest = JSON.readValue(in, BackupManifest.class);
        } catch (RuntimeException e) {
            throw new BackupException(file + " has an unreadable manifest: " + e.getMessage(), e);
        }
        if (manifest.format() != BackupManifest.FORMAT) {
            throw new BackupException(file + " is in backup format " + manifest.format() + "; this release reads format "
                    + BackupManifest.FORMAT);
        }
        return manifest;
    }

    /** Every table's bytes against its checksum, before anything is written. */
    private static void verify(ZipFile zip, BackupManifest manifest) throws IOException {
        for (BackupManifest.Table table : manifest.tables()) {
            ZipEntry entry = zip.getEntry(entry(table.name()));
            if (entry == null) throw new BackupException("the backup lacks the rows of " + table.name());
            MessageDigest sha = sha256();
            try (InputStream in = new DigestInputStream(zip.getInputStream(entry), sha)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            if (!HexFormat.of().formatHex(sha.digest()).equals(table.sha256())) {
                throw new BackupException("the rows of " + table.name() + " do not match their checksum: the backup is damaged");
            }
        }
    }

    static String schemaVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL"
                        + " ORDER BY installed_rank DESC LIMIT 1")) {
            if (!rs.next()) throw new BackupException("the database has no GospeLib schema (run gospelib migrate first)");
            return rs.getString(1);
        }
    }

    static List<String> columns(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position")) {
            query.setString(1, table);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) columns.add(rs.getString(1));
            }
        }
        if (columns.isEmpty()) throw new BackupException("the database has no table " + table);
        return columns;
    }

    /** Rows in primary-key order, so that the same data always makes the same file. */
    private static String orderBy(Connection connection, String table) throws SQLException {
        List<String> key = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT a.attname FROM pg_index i"
                + " JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)"
                + " WHERE i.indrelid = ?::regclass AND i.indisprimary ORDER BY array_position(i.indkey, a.attnum)")) {
            query.setString(1, table);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) key.add(rs.getString(1));
            }
        }
        return key.isEmpty() ? "" : " ORDER BY " + String.join(", ", quoted(key));
    }

    private static long otherClients(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND backend_type = 'client backend' AND pid <> pg_backend_pid() AND application_name <> ?")) {
            query.setString(1, RESTORE_CLIENT);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static boolean hasRows(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM " + quote(table) + ")")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** Identity and serial columns continue after the restored rows. */
    private static void resetSequences(Connection connection, String table) throws SQLException {
        List<String[]> sequences = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT column_name, pg_get_serial_sequence(?, column_name)"
                + " FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?"
                + " AND pg_get_serial_sequence(?, column_name) IS NOT NULL")) {
            query.setString(1, table);
            query.setString(2, table);
            query.setString(3, table);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) sequences.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        for (String[] sequence : sequences) {
            try (PreparedStatement set = connection.prepareStatement("SELECT setval(?, COALESCE((SELECT max(" + quote(sequence[0])
                    + ") FROM " + quote(table) + "), 0) + 1, false)")) {
                set.setString(1, sequence[1]);
                set.execute();
            }
        }
    }

    private static String entry(String table) {
        return "tables/" + table + ".csv";
    }

    /** Table and column names come from the modules and the catalogue, never from the backup alone; quoted all the same. */
    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static List<String> quoted(List<String> identifiers) {
        return identifiers.stream().map(PostgresBackup::quote).toList();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The zip stays open when one entry's stream is done with. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
