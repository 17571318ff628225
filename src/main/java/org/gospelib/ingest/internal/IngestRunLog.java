package org.gospelib.ingest.internal;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The ingest's runs and their reports ({@code ingest_run}), as operators read them. */
@Component
class IngestRunLog {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    IngestRunLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest runs first. */
    List<IngestAdminController.IngestRun> latest(int limit) {
        return jdbc.sql("select id, mode, started_at, finished_at, outcome, modules::text, message from ingest_run order by id desc limit ?")
                .param(limit)
                .query((rs, n) -> new IngestAdminController.IngestRun(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        Optional.ofNullable(rs.getTimestamp(4)).map(Timestamp::toInstant), rs.getString(5),
                        JSON.readTree(rs.getString(6)), rs.getString(7)))
                .list();
    }
}
