package org.gospelib.audit.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.gospelib.audit.AuditEntry;
import org.gospelib.audit.AuditLog;
import org.gospelib.audit.AuditTrail;
import org.gospelib.audit.AuditedChange;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** The audit log in PostgreSQL ({@code audit_entry}). */
@Component
class JdbcAuditLog implements AuditLog, AuditTrail {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcAuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditedChange change) {
        jdbc.sql("insert into audit_entry (at, actor_id, action, target, before, after) values (?, ?, ?, ?, ?::jsonb, ?::jsonb)")
                .params(Timestamp.from(clock.instant()), change.actor(), change.action(), change.target(),
                        change.before().map(JSON::writeValueAsString).orElse(null),
                        change.after().map(JSON::writeValueAsString).orElse(null))
                .update();
    }

    @Override
    public List<AuditEntry> entries(Optional<String> target, Optional<Long> beforeId, int limit) {
        return jdbc.sql("""
                select id, at, actor_id, action, target, before::text, after::text from audit_entry
                where (cast(? as text) is null or target = ?) and (cast(? as bigint) is null or id < ?)
                order by id desc limit ?""")
                .params(target.orElse(null), target.orElse(null), beforeId.orElse(null), beforeId.orElse(null), limit)
                .query((rs, n) -> new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), Optional.ofNullable(rs.getString(6)), Optional.ofNullable(rs.getString(7))))
                .list();
    }
}
