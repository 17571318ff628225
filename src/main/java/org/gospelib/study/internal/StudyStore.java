package org.gospelib.study.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Study items in PostgreSQL; every query is scoped to one user. Callers hold the transaction. */
@Repository
class StudyStore {

    private static final String COLUMNS =
            "id, kind, osis, first_ordinal, last_ordinal, data::text, tags, version, change, deleted, created_at, updated_at";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    StudyStore(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * The user's next change number. Locks the user's row until the transaction ends, so one
     * user's writes commit in the order of their change numbers and a sync cursor skips none.
     */
    long nextChange(UUID user) {
        ensureUser(user);
        Long change = jdbc.queryForObject("update study_user set last_change = last_change + 1 where user_id = ? returning last_change",
                Long.class, user);
        return change == null ? 0 : change;
    }

    /** The user's row, which everything a user keeps hangs from. */
    void ensureUser(UUID user) {
        jdbc.update("insert into study_user (user_id) values (?) on conflict do nothing", user);
    }

    void insert(UUID user, StudyItem item) {
        jdbc.update("""
                insert into study_item (id, user_id, kind, osis, first_ordinal, last_ordinal, data, tags, version, change,
                                        deleted, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, false, ?, ?)""", item.id(), user, item.kind().id(), item.osis(),
                item.first(), item.last(), json.writeValueAsString(item.data().stored()), item.tags().toArray(String[]::new),
                item.version(), item.change(), Timestamp.from(item.createdAt()), Timestamp.from(item.updatedAt()));
    }

    void update(UUID user, StudyItem item) {
        jdbc.update("""
                update study_item set osis = ?, first_ordinal = ?, last_ordinal = ?, data = ?::jsonb, tags = ?, version = ?,
                                      change = ?, deleted = ?, updated_at = ?
                where id = ? and user_id = ?""", item.osis(), item.first(), item.last(), json.writeValueAsString(item.data().stored()),
                item.tags().toArray(String[]::new), item.version(), item.change(), item.deleted(),
                Timestamp.from(item.updatedAt()), item.id(), user);
    }

    /** The user's item of this kind, tombstones included; never another user's. */
    Optional<StudyItem> find(UUID user, StudyKind kind, UUID id) {
        return jdbc.query("select " + COLUMNS + " from study_item where user_id = ? and kind = ? and id = ?",
                this::item, user, kind.id(), id).stream().findFirst();
    }

    /** Live items of a kind, optionally overlapping a verse range, carrying a tag, or changed since an instant. */
    List<StudyItem> list(UUID user, StudyKind kind, Optional<Anchor> overlapping, Optional<String> tag,
            Optional<Instant> updatedSince, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from study_item where user_id = ? and kind = ? and not deleted");
        List<Object> args = new java.util.ArrayList<>(List.of(user, kind.id()));
        overlapping.ifPresent(a -> {
            sql.append(" and first_ordinal <= ? and last_ordinal >= ?");
            args.add(a.last());
            args.add(a.first());
        });
        tag.ifPresent(t -> {
            sql.append(" and tags @> array[?]::text[]");
            args.add(t);
        });
        updatedSince.ifPresent(t -> {
            sql.append(" and updated_at > ?");
            args.add(Timestamp.from(t));
        });
        sql.append(" order by first_ordinal, created_at, id limit ?");
        args.add(limit);
        return jdbc.query(sql.toString(), this::item, args.toArray());
    }

    /** Everything the user changed after {@code since}, tombstones included, in change order. */
    List<StudyItem> changes(UUID user, long since, int limit) {
        return jdbc.query("select " + COLUMNS + " from study_item where user_id = ? and change > ? order by change limit ?",
                this::item, user, since, limit);
    }

    long lastChange(UUID user) {
        return jdbc.query("select last_change from study_user where user_id = ?", (rs, i) -> rs.getLong(1), user)
                .stream().findFirst().orElse(0L);
    }

    Optional<UUID> idempotentItem(UUID user, String key, String digest) throws IdempotencyConflict {
        List<String[]> rows = jdbc.query("select request_digest, item_id from study_idempotency where user_id = ? and key = ?",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2)}, user, key);
        if (rows.isEmpty()) return Optional.empty();
        if (!rows.getFirst()[0].equals(digest)) throw new IdempotencyConflict();
        return Optional.of(UUID.fromString(rows.getFirst()[1]));
    }

    void rememberIdempotency(UUID user, String key, String digest, UUID item) {
        jdbc.update("insert into study_idempotency (user_id, key, request_digest, item_id) values (?, ?, ?, ?)", user, key, digest, item);
    }

    /** Removes everything the user kept. */
    int deleteUser(UUID user) {
        return jdbc.update("delete from study_user where user_id = ?", user);
    }

    /** An Idempotency-Key already used for a different request. */
    static final class IdempotencyConflict extends Exception {
        IdempotencyConflict() {
            super(null, null, false, false);
        }
    }

    private StudyItem item(ResultSet rs, int row) throws SQLException {
        Array tags = rs.getArray(7);
        StudyKind kind = StudyKind.ofId(rs.getString(2));
        return new StudyItem(rs.getObject(1, UUID.class), kind, rs.getString(3), rs.getInt(4),
                rs.getInt(5), ItemData.read(kind, json.readValue(rs.getString(6), new TypeReference<Map<String, Object>>() { })),
                List.copyOf(Arrays.asList((String[]) tags.getArray())), rs.getInt(8), rs.getLong(9), rs.getBoolean(10),
                rs.getTimestamp(11).toInstant(), rs.getTimestamp(12).toInstant());
    }
}
