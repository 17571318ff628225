package org.gospelib.notifications.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gospelib.identity.AccountEmail;
import org.gospelib.identity.AccountEmailRequested;
import org.gospelib.identity.AccountLinks;
import org.gospelib.jobs.JobContext;
import org.gospelib.jobs.JobHandler;
import org.gospelib.jobs.JobKind;
import org.gospelib.jobs.JobPriority;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends one account email. At least once: the delivery log says whether an earlier run sent it
 * already; a link is minted by identity for each attempt (so only the last link sent works), and
 * an email whose request was used or has expired is skipped. A refused address is logged as failed
 * and not retried; anything else is retried by the queue.
 */
class AccountEmailJob implements JobHandler<AccountEmailRequested> {

    static final JobKind<AccountEmailRequested> KIND = new JobKind<>("notifications.account-email", AccountEmailRequested.class);

    private static final Logger log = LoggerFactory.getLogger(AccountEmailJob.class);

    /** The page each link opens; the secret travels in the fragment, which browsers never send to a server. */
    private static final Map<AccountEmail, String> PAGES = Map.of(
            AccountEmail.VERIFY_EMAIL, "/account/verify-email",
            AccountEmail.PASSWORD_RESET, "/account/reset-password",
            AccountEmail.CONFIRM_NEW_EMAIL, "/account/confirm-email");

    private final AccountLinks links;
    private final MailTransport transport;
    private final MailTemplates templates;
    private final DeliveryLog deliveries;
    private final URI publicUrl;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final MeterRegistry meters;

    AccountEmailJob(AccountLinks links, MailTransport transport, MailTemplates templates, DeliveryLog deliveries, URI publicUrl,
            TransactionTemplate transactions, Clock clock, MeterRegistry meters) {
        this.links = links;
        this.transport = transport;
        this.templates = templates;
        this.deliveries = deliveries;
        this.publicUrl = publicUrl;
        this.transactions = transactions;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public JobKind<AccountEmailRequested> kind() {
        return KIND;
    }

    @Override
    public JobPriority defaultPriority() {
        // someone is waiting at a sign-in page for it
        return JobPriority.HIGH;
    }

    static String key(AccountEmailRequested request) {
        return "account-email/" + request.requestId();
    }

    /** The name of the email in templates, logs and the delivery log: {@code password-reset}. */
    static String name(AccountEmail email) {
        return email.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public void handle(AccountEmailRequested request, JobContext context) throws Exception {
        String key = key(request);
        String name = name(request.email());
        Optional<DeliveryLog.Status> before = transactions.execute(tx -> deliveries.begin(key, Optional.of(request.userId()), name,
                request.recipient(), transport.name(), clock.instant()));
        if (before.isPresent() && (before.get() == DeliveryLog.Status.SENT || before.get() == DeliveryLog.Status.SKIPPED)) return;
        Optional<URI> link = Optional.empty();
        String idempotencyKey = key;
        if (request.email().carriesLink()) {
            Optional<AccountLinks.AccountLink> minted = links.issue(request.requestId());
            if (minted.isEmpty()) {
                finish(key, name, DeliveryLog.Status.SKIPPED, Optional.empty(),
                        Optional.of("the link's request was used, replaced by a newer one, or expired before it was sent"));
                return;
            }
            link = Optional.of(URI.create(publicUrl + PAGES.get(request.email()) + "#token=" + minted.get().token()));
            // each attempt carries a new link, so it is a new message to the provider
            idempotencyKey = key + "/" + context.attempt();
        }
        List<Object> arguments = List.of(request.otherAddress());
        MailTemplates.Written written = templates.write(new MailTemplates.Content(name, link, arguments, Optional.empty()),
                request.language());
        OutgoingMail mail = new OutgoingMail(request.recipient(), written.subject(), written.text(), written.html(),
                Map.of(), idempotencyKey);
        try {
            String id = transport.send(mail);
            finish(key, name, DeliveryLog.Status.SENT, Optional.of(id), Optional.empty());
        } catch (UndeliverableMail refused) {
            log.warn("account email {} to a reader was refused by {}: {}", name, transport.name(), refused.getMessage());
            finish(key, name, DeliveryLog.Status.FAILED, Optional.empty(), Optional.of(refused.getMessage()));
        }
    }

    private void finish(String key, String name, DeliveryLog.Status status, Optional<String> providerId, Optional<String> detail) {
        Instant now = clock.instant();
        transactions.executeWithoutResult(tx -> deliveries.finish(key, status, providerId, detail, now));
        meters.counter("gospelib.notifications.sent", "channel", "email", "kind", name, "outcome",
                status.name().toLowerCase(Locale.ROOT)).increment();
    }
}
