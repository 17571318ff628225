package org.gospelib.notifications.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.gospelib.jobs.JobRequest;
import org.gospelib.jobs.Jobs;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each minute, turns the reminders that have come due into jobs: a batch of preferences locked
 * with {@code SKIP LOCKED} (two processes sweeping at once take different readers), one job each,
 * and each reader's next due moment, in one transaction. A reminder due long ago (the service was
 * down) is not sent late: the next one is scheduled instead.
 */
class ReminderSweep {

    static final int BATCH = 1_000;
    /** A reminder later than this is worth no more: the reader's morning has passed. */
    static final Duration STALE_AFTER = Duration.ofHours(3);

    private final PreferenceStore preferences;
    /** Looked up when used: the queue is made with the recurring jobs, this sweep's among them. */
    private final ObjectProvider<Jobs> jobs;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ReminderSweep(PreferenceStore preferences, ObjectProvider<Jobs> jobs, TransactionTemplate transactions, Clock clock) {
        this.preferences = preferences;
        this.jobs = jobs;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Queues every reminder due by now; how many were queued. */
    int run() {
        return sweep(clock.instant());
    }

    int sweep(Instant now) {
        int queued = 0;
        int taken;
        do {
            int[] counts;
            try {
                counts = batch(now, true);
            } catch (DataAccessException queuedAlready) {
                // a reader's reminder of that day still waits for a retry (they moved their time
                // since): the batch goes again, each job queued unless its key is there already
                counts = batch(now, false);
            }
            taken = counts[0];
            queued += counts[1];
        } while (taken == BATCH);
        return queued;
    }

    private int[] batch(Instant now, boolean inOneInsert) {
        return transactions.execute(tx -> {
            List<PreferenceStore.Due> due = preferences.due(now, BATCH);
            List<JobRequest<ReminderJob.Reminder>> requests = new ArrayList<>(due.size());
            Map<UUID, Optional<Instant>> next = new HashMap<>();
            for (PreferenceStore.Due reminder : due) {
                UUID user = reminder.preferences().userId();
                LocalDate day = ReminderSchedule.dayOf(reminder.at(), reminder.preferences().zone());
                if (Duration.between(reminder.at(), now).compareTo(STALE_AFTER) <= 0) {
                    requests.add(JobRequest.of(ReminderJob.KIND, ReminderJob.key(user, day), new ReminderJob.Reminder(user, day)));
                }
                next.put(user, reminder.preferences().nextAfter(now));
            }
            preferences.setNext(next);
            Jobs queue = jobs.getObject();
            if (inOneInsert) queue.enqueueAll(requests);
            else requests.forEach(queue::enqueue);
            return new int[] {due.size(), requests.size()};
        });
    }
}
