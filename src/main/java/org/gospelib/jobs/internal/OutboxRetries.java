package org.gospelib.jobs.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.gospelib.jobs.RetryPolicy;
import org.gospelib.platform.HostedServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.stereotype.Component;

/**
 * Spring Modulith's event publication registry is the outbox: an event is stored in the
 * transaction that published it, and each listener's publication is completed when the listener
 * has handled it. A listener that failed leaves its publication FAILED (and one whose process
 * died, stale, is marked FAILED by the registry's staleness check); this resubmits those while the
 * process runs, each after a backoff that doubles with its attempts, until {@code max-attempts}:
 * then it is abandoned, kept for operators to see and resubmit.
 *
 * <p>A publication can only be handled where its listener runs, so every process resubmits those of
 * its own modules' listeners (split, a worker resubmitting study's publications would only use up
 * their attempts: the registry would find no such listener there). Replicas of one service may
 * look at once: the registry claims a publication (FAILED to RESUBMITTED) in one update, so only
 * one of them handles it.
 */
@Component
class OutboxRetries {

    private static final Logger log = LoggerFactory.getLogger(OutboxRetries.class);

    /** A publication as operators see it. */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record Publication(UUID id, String listener, String eventType, Instant publishedAt, String status, int attempts,
            Optional<Instant> lastResubmittedAt) {
    }

    record Counts(long incomplete, long failed, long abandoned) {
    }

    private final FailedEventPublications failed;
    private final JdbcTemplate jdbc;
    private final RetryPolicy policy;
    private final HostedServices hosted;

    OutboxRetries(FailedEventPublications failed, JdbcTemplate jdbc, HostedServices hosted,
            @Value("${gospelib.events.max-attempts:8}") int maxAttempts,
            @Value("${gospelib.events.retry-delay:30s}") Duration firstDelay) {
        this.failed = failed;
        this.jdbc = jdbc;
        this.hosted = hosted;
        // doubling up to an hour (or the first delay, if that is longer)
        this.policy = new RetryPolicy(maxAttempts, firstDelay, firstDelay.compareTo(Duration.ofHours(1)) > 0 ? firstDelay : Duration.ofHours(1));
    }

    /**
     * Resubmits the failed publications of this process's listeners whose backoff has passed and
     * whose attempts are not used up.
     */
    @Scheduled(initialDelayString = "${gospelib.events.resubmit-interval:15s}",
            fixedDelayString = "${gospelib.events.resubmit-interval:15s}")
    void resubmitDue() {
        Instant now = Instant.now();
        try {
            // the registry's API does not say whose a publication is; its table does
            Set<UUID> ours = new HashSet<>();
            jdbc.query("select id, listener_id from event_publication where status = 'FAILED'", (RowCallbackHandler) rs -> {
                if (listenerRunsHere(rs.getString(2))) ours.add(rs.getObject(1, UUID.class));
            });
            if (ours.isEmpty()) return;
            failed.resubmit(ResubmissionOptions.defaults().withBatchSize(200).withMaxInFlight(50)
                    .withFilter(p -> ours.contains(p.getIdentifier()) && due(p, now)));
        } catch (RuntimeException e) {
            // the next round tries again (the database may be briefly away)
            log.warn("outbox: could not resubmit failed publications: {}", e.toString());
        }
    }

    /** Listener ids name the listening method: {@code org.gospelib.<module>.….method(…)}. */
    boolean listenerRunsHere(String listenerId) {
        return hosted.hostsCodeOf(listenerId);
    }

    boolean due(EventPublication publication, Instant now) {
        int attempts = Math.max(1, publication.getCompletionAttempts());
        if (policy.exhausted(attempts)) return false;
        Instant last = publication.getLastResubmissionDate() != null ? publication.getLastResubmissionDate()
                : publication.getPublicationDate();
        // the backoff without jitter: every replica must agree on when a publication is due
        Duration wait = policy.firstDelay().multipliedBy(1L << Math.min(attempts - 1, 20));
        if (wait.compareTo(policy.maxDelay()) > 0) wait = policy.maxDelay();
        return !now.isBefore(last.plus(wait));
    }

    /** Resubmits one publication at an operator's request, abandoned or not; false if it is not failed. */
    boolean resubmit(UUID id) {
        if (jdbc.queryForObject("select count(*) from event_publication where id = ? and status = 'FAILED'", Long.class, id) == 0) {
            return false;
        }
        failed.resubmit(ResubmissionOptions.defaults().withFilter(p -> p.getIdentifier().equals(id)));
        log.info("outbox: publication {} resubmitted by an operator", id);
        return true;
    }

    Counts counts() {
        return jdbc.queryForObject("""
                select count(*) filter (where completion_date is null),
                       count(*) filter (where status = 'FAILED' and coalesce(completion_attempts, 0) < ?),
                       count(*) filter (where status = 'FAILED' and coalesce(completion_attempts, 0) >= ?)
                from event_publication""", (rs, i) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3)),
                policy.maxAttempts(), policy.maxAttempts());
    }

    List<Publication> incomplete(int limit) {
        return jdbc.query("""
                select id, listener_id, event_type, publication_date, coalesce(status, 'PUBLISHED'),
                       coalesce(completion_attempts, 0), last_resubmission_date
                from event_publication where completion_date is null order by publication_date limit ?""",
                (rs, i) -> new Publication(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getInt(6),
                        Optional.ofNullable(rs.getTimestamp(7)).map(java.sql.Timestamp::toInstant)), limit);
    }

    int maxAttempts() {
        return policy.maxAttempts();
    }
}
