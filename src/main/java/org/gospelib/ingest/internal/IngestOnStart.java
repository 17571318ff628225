package org.gospelib.ingest.internal;

import org.gospelib.ingest.CorpusIngest;
import org.gospelib.ingest.IngestMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * In the collapsed topology the server ingests the corpus itself the first time it starts, so a
 * newcomer needs no second step. {@code gospelib.ingest.on-start}: {@code incremental} (default:
 * at every start, pick up modules installed, upgraded or newly understood since the last run;
 * a fraction of a second when nothing changed), {@code if-empty} (only into an empty database) or
 * {@code never} (split topology: a Kubernetes Job ingests).
 */
@Component
class IngestOnStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IngestOnStart.class);

    private final CorpusIngest ingest;
    private final JdbcTemplate jdbc;
    private final String policy;

    IngestOnStart(CorpusIngest ingest, JdbcTemplate jdbc, @Value("${gospelib.ingest.on-start:incremental}") String policy) {
        this.ingest = ingest;
        this.jdbc = jdbc;
        this.policy = policy;
    }

    @Override
    public void run(ApplicationArguments args) {
        switch (policy) {
            case "never" -> { }
            case "incremental" -> ingest.run(IngestMode.INCREMENTAL, true);
            case "if-empty" -> {
                Integer translations = jdbc.queryForObject("select count(*) from translation", Integer.class);
                if (translations == null || translations == 0) {
                    log.info("no corpus in the database yet: ingesting it now (first start)");
                    ingest.run(IngestMode.INCREMENTAL, true);
                }
            }
            default -> throw new IllegalStateException(
                    "gospelib.ingest.on-start must be if-empty, incremental or never, not '" + policy + "'");
        }
    }
}
