package org.gospelib.platform.internal;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the event publication registry from growing forever. Publications are completed by
 * setting their completion date ({@code spring.modulith.events.completion-mode=update}), so a
 * completed one stays in {@code event_publication} for a while as a record of what each listener
 * handled; this deletes those completed longer ago than {@code gospelib.events.keep-completed}.
 * Incomplete publications are never touched: they wait for their resubmission on restart. Every
 * replica may run it; deleting twice is harmless.
 */
@Component
class CompletedPublicationsPurge {

    private static final Logger log = LoggerFactory.getLogger(CompletedPublicationsPurge.class);

    private final CompletedEventPublications completed;
    private final Duration keep;

    CompletedPublicationsPurge(CompletedEventPublications completed, @Value("${gospelib.events.keep-completed:7d}") Duration keep) {
        this.completed = completed;
        this.keep = keep;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${gospelib.events.purge-interval:1h}")
    void purge() {
        try {
            completed.deletePublicationsOlderThan(keep);
        } catch (RuntimeException e) {
            log.warn("could not delete completed event publications: {}", e.toString());
        }
    }
}
