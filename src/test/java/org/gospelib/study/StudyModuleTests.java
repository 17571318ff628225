package org.gospelib.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.gospelib.assistant.AssistantHistory;
import org.gospelib.content.ScriptureText;
import org.gospelib.identity.Accounts;
import org.gospelib.identity.UserDeleted;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The study module alone (with platform for its database), its neighbours stubbed: the event flows
 * it owns, without the corpus. A note created reaches the reader's activity feed once, however
 * often the event is delivered; a deleted account takes the reader's study data with it.
 */
@ApplicationModuleTest(extraIncludes = {"platform", "jobs", "audit"})
@org.springframework.test.context.TestPropertySource(properties = {"gospelib.data-dir=target/module-test-data",
        "gospelib.ingest.on-start=never", "logging.file.name=target/module-test-data/logs/gospelib.log"})
class StudyModuleTests {

    @MockitoBean
    Accounts accounts;

    @MockitoBean
    ScriptureText scripture;

    @MockitoBean
    AssistantHistory assistant;

    @Autowired
    JdbcTemplate jdbc;

    long activity(UUID user) {
        Long n = jdbc.queryForObject("select count(*) from study_activity where user_id = ?", Long.class, user);
        return n == null ? 0 : n;
    }

    long incompletePublications() {
        Long n = jdbc.queryForObject("select count(*) from event_publication where completion_date is null", Long.class);
        return n == null ? 0 : n;
    }

    @Test
    void aNoteCreatedEntersTheActivityFeedOnceHoweverOftenItIsDelivered(Scenario scenario) {
        UUID user = UUID.randomUUID();
        jdbc.update("insert into study_user (user_id) values (?) on conflict do nothing", user);
        NoteCreated created = new NoteCreated(user, UUID.randomUUID(), "John.3.16", Instant.now());
        scenario.publish(created).andWaitForStateChange(() -> activity(user), n -> n > 0)
                .andVerify(n -> assertThat(n).isEqualTo(1));
        // delivered again (the outbox's at-least-once): once the listener has run, still one entry
        scenario.publish(created).andWaitForStateChange(this::incompletePublications, n -> n == 0)
                .andVerify(n -> assertThat(activity(user)).isEqualTo(1));
    }

    @Test
    void aDeletedAccountTakesItsStudyDataWithIt(Scenario scenario) {
        UUID user = UUID.randomUUID();
        jdbc.update("insert into study_user (user_id) values (?) on conflict do nothing", user);
        jdbc.update("insert into study_activity (user_id, kind, subject, day, osis, at) values (?, 'note.created', ?, 0, 'Ruth.1.16', now())",
                user, UUID.randomUUID());
        scenario.publish(new UserDeleted(user, Instant.now())).andWaitForStateChange(() -> activity(user), n -> n == 0)
                .andVerify(n -> assertThat(n).isZero());
    }
}
