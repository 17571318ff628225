package org.gospelib.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gospelib.support.GospelibTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Completed event publications are kept for a week ({@code gospelib.events.keep-completed}), then deleted. */
@GospelibTest
class CompletedPublicationsPurgeTests {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CompletedPublicationsPurge purge;

    @Test
    void deletesOnlyPublicationsCompletedLongerAgoThanTheyAreKept() {
        Instant now = Instant.now();
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        UUID incomplete = UUID.randomUUID();
        insert(old, now.minus(Duration.ofDays(9)), now.minus(Duration.ofDays(8)));
        insert(recent, now.minus(Duration.ofDays(9)), now.minus(Duration.ofHours(1)));
        insert(incomplete, now.minus(Duration.ofDays(30)), null);
        try {
            purge.purge();
            assertThat(exists(old)).isFalse();
            assertThat(exists(recent)).isTrue();
            assertThat(exists(incomplete)).as("an incomplete publication waits for its resubmission").isTrue();
        } finally {
            for (UUID id : List.of(old, recent, incomplete)) jdbc.update("delete from event_publication where id = ?", id);
        }
    }

    private void insert(UUID id, Instant published, Instant completed) {
        jdbc.update("""
                insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, completion_date,
                                               status, completion_attempts)
                values (?, 'org.gospelib.test.NoListener.on(java.lang.Object)', 'java.lang.String', '"purge test"', ?, ?, ?, 1)""",
                id, Timestamp.from(published), completed == null ? null : Timestamp.from(completed),
                completed == null ? "PUBLISHED" : "COMPLETED");
    }

    private boolean exists(UUID id) {
        Long n = jdbc.queryForObject("select count(*) from event_publication where id = ?", Long.class, id);
        return n != null && n > 0;
    }
}
