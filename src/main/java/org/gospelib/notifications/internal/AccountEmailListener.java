package org.gospelib.notifications.internal;

import org.gospelib.identity.AccountEmailRequested;
import org.gospelib.identity.UserDeleted;
import org.gospelib.jobs.JobRequest;
import org.gospelib.jobs.Jobs;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns identity's events into work: an account email becomes a job (in the listener's
 * transaction, so the event is marked handled only once the job is queued); a deleted account
 * takes its delivery log, reminder settings, browser subscriptions and
 * registered devices with it.
 */
class AccountEmailListener {

    private final Jobs jobs;
    private final DeliveryLog deliveries;
    private final PreferenceStore preferences;
    private final PushSubscriptions subscriptions;
    private final PushDevices devices;
    private final TransactionTemplate transactions;

    AccountEmailListener(Jobs jobs, DeliveryLog deliveries, PreferenceStore preferences, PushSubscriptions subscriptions,
            PushDevices devices, TransactionTemplate transactions) {
        this.subscriptions = subscriptions;
        this.devices = devices;
        this.jobs = jobs;
        this.deliveries = deliveries;
        this.preferences = preferences;
        this.transactions = transactions;
    }

    @ApplicationModuleListener
    void on(AccountEmailRequested requested) {
        jobs.enqueue(JobRequest.of(AccountEmailJob.KIND, AccountEmailJob.key(requested), requested)
                .withPriority(org.gospelib.jobs.JobPriority.HIGH));
    }

    @ApplicationModuleListener
    void on(UserDeleted deleted) {
        transactions.executeWithoutResult(tx -> {
            deliveries.forget(deleted.userId());
            preferences.forget(deleted.userId());
            subscriptions.forget(deleted.userId());
            devices.forget(deleted.userId());
        });
    }
}
