package org.gospelib.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import org.gospelib.platform.HostedServices;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.FailedEventPublications;

class OutboxRetriesTest {

    private static OutboxRetries in(String services) {
        return new OutboxRetries(mock(FailedEventPublications.class), mock(JdbcTemplate.class), HostedServices.parse(services),
                8, Duration.ofSeconds(30));
    }

    @Test
    void aProcessResubmitsOnlyThePublicationsOfListenersItRuns() {
        String studyListener = "org.gospelib.study.internal.AccountErasure.on(org.gospelib.identity.AccountDeleted)";
        String webhookListener = "org.gospelib.webhooks.internal.WebhookFanOut.on(org.gospelib.study.NoteChanged)";
        String jobsListener = "org.gospelib.jobs.internal.Something.on(org.gospelib.ingest.CorpusChanged)";

        OutboxRetries study = in("study");
        assertThat(study.listenerRunsHere(studyListener)).isTrue();
        assertThat(study.listenerRunsHere(webhookListener)).isFalse();
        assertThat(study.listenerRunsHere(jobsListener)).as("a module no service claims runs everywhere").isTrue();

        OutboxRetries worker = in("worker");
        assertThat(worker.listenerRunsHere(studyListener)).isFalse();
        assertThat(worker.listenerRunsHere(webhookListener)).isTrue();

        OutboxRetries collapsed = in("all");
        assertThat(collapsed.listenerRunsHere(studyListener)).isTrue();
        assertThat(collapsed.listenerRunsHere("com.example.Elsewhere.on(java.lang.Object)")).isTrue();
        assertThat(in("study").listenerRunsHere("com.example.Elsewhere.on(java.lang.Object)")).isFalse();
        assertThat(study.listenerRunsHere("org.gospelib.")).isFalse();
    }
}
