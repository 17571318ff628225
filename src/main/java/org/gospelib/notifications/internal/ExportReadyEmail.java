package org.gospelib.notifications.internal;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.gospelib.files.ExportReady;
import org.gospelib.identity.Accounts;
import org.gospelib.jobs.JobContext;
import org.gospelib.jobs.JobHandler;
import org.gospelib.jobs.JobKind;
import org.gospelib.jobs.JobRequest;
import org.gospelib.jobs.Jobs;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * Tells a reader their export is ready: an email (once per export) whose button opens the account
 * page, where the download link is minted — a link in an email would outlive its few minutes.
 * Sent only to a confirmed address: the export was asked for by whoever holds the account.
 */
class ExportReadyEmail implements JobHandler<ExportReady> {

    static final JobKind<ExportReady> KIND = new JobKind<>("notifications.export-ready", ExportReady.class);
    static final String NAME = "export-ready";

    private final Accounts accounts;
    private final MailDelivery mail;
    private final URI publicUrl;

    ExportReadyEmail(Accounts accounts, MailDelivery mail, URI publicUrl) {
        this.accounts = accounts;
        this.mail = mail;
        this.publicUrl = publicUrl;
    }

    /** Queues the email when the export is announced (a listener of its own: the queue needs this handler). */
    static class Listener {
        private final Jobs jobs;

        Listener(Jobs jobs) {
            this.jobs = jobs;
        }

        @ApplicationModuleListener
        void on(ExportReady ready) {
            jobs.enqueue(JobRequest.of(KIND, "export-ready/" + ready.exportId(), ready));
        }
    }

    @Override
    public JobKind<ExportReady> kind() {
        return KIND;
    }

    @Override
    public void handle(ExportReady ready, JobContext context) throws Exception {
        Optional<Accounts.Contact> contact = accounts.contact(ready.userId());
        if (contact.isEmpty() || !contact.get().verified()) return;
        MailDelivery.Email email = new MailDelivery.Email("export-ready/" + ready.exportId(), Optional.of(ready.userId()), NAME,
                contact.get().email(), true, contact.get().language());
        String format = switch (ready.format()) {
            case "pdf" -> "PDF";
            case "json" -> "JSON";
            default -> "Markdown";
        };
        mail.deliver(email, () -> new MailDelivery.Ready(new MailTemplates.Content(NAME,
                Optional.of(URI.create(publicUrl + "/account#exports-heading")), List.of(format), Optional.empty()),
                email.key(), Optional.empty()));
    }
}
