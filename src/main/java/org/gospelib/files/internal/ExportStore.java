package org.gospelib.files.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gospelib.study.ExportFormat;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code file_export} table: each export a reader asked for, queued until the worker has stored it. */
@Repository
class ExportStore {

    enum Status { QUEUED, READY }

    record Export(UUID id, UUID userId, ExportFormat format, String translation, Status status, Optional<String> fileKey,
            Optional<Long> bytes, Optional<Integer> items, Optional<Long> buildMillis, Instant requestedAt,
            Optional<Instant> finishedAt) {
    }

    private static final String COLUMNS = "id, user_id, format, translation, status, file_key, bytes, items, build_millis, "
            + "requested_at, finished_at";

    private final JdbcTemplate jdbc;

    ExportStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID user, ExportFormat format, String translation, Instant at) {
        jdbc.update("insert into file_export (id, user_id, format, translation, status, requested_at) values (?, ?, ?, ?, 'queued', ?)",
                id, user, format.name(), translation, Timestamp.from(at));
    }

    Optional<Export> find(UUID id) {
        return jdbc.query("select " + COLUMNS + " from file_export where id = ?", ExportStore::row, id).stream().findFirst();
    }

    List<Export> of(UUID user, int limit) {
        return jdbc.query("select " + COLUMNS + " from file_export where user_id = ? order by requested_at desc limit ?",
                ExportStore::row, user, limit);
    }

    int queued(UUID user) {
        Integer n = jdbc.queryForObject("select count(*) from file_export where user_id = ? and status = 'queued'", Integer.class, user);
        return n == null ? 0 : n;
    }

    /** Marks the export stored; false if it was not waiting (deleted meanwhile, or stored by an earlier run). */
    boolean ready(UUID id, String key, long bytes, int items, long millis, Instant at) {
        return jdbc.update("update file_export set status = 'ready', file_key = ?, bytes = ?, items = ?, build_millis = ?, "
                + "finished_at = ? where id = ? and status = 'queued'", key, bytes, items, millis, Timestamp.from(at), id) == 1;
    }

    boolean delete(UUID id, UUID user) {
        return jdbc.update("delete from file_export where id = ? and user_id = ?", id, user) == 1;
    }

    void deleteAll(UUID user) {
        jdbc.update("delete from file_export where user_id = ?", user);
    }

    /** Exports stored before {@code before}: their files are past keeping. */
    List<Export> finishedBefore(Instant before, int limit) {
        return jdbc.query("select " + COLUMNS + " from file_export where status = 'ready' and finished_at < ? limit ?",
                ExportStore::row, Timestamp.from(before), limit);
    }

    private static Export row(ResultSet rs, int n) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new Export(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                ExportFormat.valueOf(rs.getString("format")), rs.getString("translation"),
                Status.valueOf(rs.getString("status").toUpperCase(java.util.Locale.ROOT)),
                Optional.ofNullable(rs.getString("file_key")), Optional.ofNullable((Long) rs.getObject("bytes", Long.class)),
                Optional.ofNullable(rs.getObject("items", Integer.class)), Optional.ofNullable(rs.getObject("build_millis", Long.class)),
                rs.getTimestamp("requested_at").toInstant(), Optional.ofNullable(finished).map(Timestamp::toInstant));
    }
}
