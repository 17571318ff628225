package org.gospelib.notifications.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends one email at most once per key: the delivery log says whether an earlier attempt sent
 * it; a suppressed address is skipped; the message is drafted only when it is to be sent (an
 * account link is minted then); a refused address is logged as failed and not retried, any other
 * failure is thrown for the job queue to retry.
 */
class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    /** What to send, or why not to. */
    sealed interface Draft {
    }

    /**
     * @param providerKey the idempotency key the transport gets (per attempt when each attempt's content differs)
     * @param oneClick    the RFC 8058 one-click unsubscribe address of an email that is not transactional
     */
    record Ready(MailTemplates.Content content, String providerKey, Optional<URI> oneClick) implements Draft {
    }

    record Skip(String why) implements Draft {
    }

    /** One email: its log key, whose it is, what kind, to whom, whether the reader asked for it, in which language. */
    record Email(String key, Optional<UUID> userId, String kind, String recipient, boolean transactional, String language) {
    }

    private final MailTransport transport;
    private final MailTemplates templates;
    private final DeliveryLog deliveries;
    private final Suppressions suppressions;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final MeterRegistry meters;

    MailDelivery(MailTransport transport, MailTemplates templates, DeliveryLog deliveries, Suppressions suppressions,
            TransactionTemplate transactions, Clock clock, MeterRegistry meters) {
        this.transport = transport;
        this.templates = templates;
        this.deliveries = deliveries;
        this.suppressions = suppressions;
        this.transactions = transactions;
        this.clock = clock;
        this.meters = meters;
    }

    /** Sends the email unless it was sent or skipped before; its status afterwards. */
    DeliveryLog.Status deliver(Email email, Supplier<Draft> draft) throws Exception {
        Optional<DeliveryLog.Status> before = transactions.execute(tx -> deliveries.begin(email.key(), email.userId(), email.kind(),
                "email", email.recipient(), transport.name(), clock.instant()));
        if (before.isPresent() && (before.get() == DeliveryLog.Status.SENT || before.get() == DeliveryLog.Status.SKIPPED)) {
            return before.get();
        }
        Optional<Suppressions.Reason> blocked = suppressions.blocks(email.recipient(), email.transactional());
        if (blocked.isPresent()) {
            return finish(email, DeliveryLog.Status.SKIPPED, Optional.empty(),
                    Optional.of("the address " + blocked.get().name().toLowerCase(Locale.ROOT)));
        }
        Draft drafted = draft.get();
        if (drafted instanceof Skip skip) return finish(email, DeliveryLog.Status.SKIPPED, Optional.empty(), Optional.of(skip.why()));
        Ready ready = (Ready) drafted;
        MailTemplates.Written written = templates.write(ready.content(), email.language());
        Map<String, String> headers = new LinkedHashMap<>();
        ready.oneClick().ifPresent(url -> {
            headers.put("List-Unsubscribe", "<" + url + ">");
            headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        });
        OutgoingMail mail = new OutgoingMail(email.recipient(), written.subject(), written.text(), written.html(), headers,
                ready.providerKey());
        try {
            String id = transport.send(mail);
            return finish(email, DeliveryLog.Status.SENT, Optional.of(id), Optional.empty());
        } catch (UndeliverableMail refused) {
            log.warn("{} email was refused by {}: {}", email.kind(), transport.name(), refused.getMessage());
            return finish(email, DeliveryLog.Status.FAILED, Optional.empty(), Optional.of(refused.getMessage()));
        }
    }

    private DeliveryLog.Status finish(Email email, DeliveryLog.Status status, Optional<String> providerId, Optional<String> detail) {
        transactions.executeWithoutResult(tx -> deliveries.finish(email.key(), status, providerId, detail, clock.instant()));
        meters.counter("gospelib.notifications.sent", "channel", "email", "kind", email.kind(), "outcome",
                status.name().toLowerCase(Locale.ROOT)).increment();
        return status;
    }
}
