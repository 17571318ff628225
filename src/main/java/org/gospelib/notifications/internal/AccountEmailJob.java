package org.gospelib.notifications.internal;

import java.net.URI;
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

/**
 * Sends one account email, at least once ({@link MailDelivery}); a link is minted by identity for
 * each attempt (so only the last link sent works), and an email whose request was used or has
 * expired is skipped.
 */
class AccountEmailJob implements JobHandler<AccountEmailRequested> {

    static final JobKind<AccountEmailRequested> KIND = new JobKind<>("notifications.account-email", AccountEmailRequested.class);

    /** The page each link opens; the secret travels in the fragment, which browsers never send to a server. */
    private static final Map<AccountEmail, String> PAGES = Map.of(
            AccountEmail.VERIFY_EMAIL, "/account/verify-email",
            AccountEmail.PASSWORD_RESET, "/account/reset-password",
            AccountEmail.CONFIRM_NEW_EMAIL, "/account/confirm-email");

    private final AccountLinks links;
    private final MailDelivery mail;
    private final URI publicUrl;

    AccountEmailJob(AccountLinks links, MailDelivery mail, URI publicUrl) {
        this.links = links;
        this.mail = mail;
        this.publicUrl = publicUrl;
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
        String name = name(request.email());
        MailDelivery.Email email = new MailDelivery.Email(key(request), Optional.of(request.userId()), name, request.recipient(),
                true, request.language());
        mail.deliver(email, () -> {
            Optional<URI> link = Optional.empty();
            String providerKey = email.key();
            if (request.email().carriesLink()) {
                Optional<AccountLinks.AccountLink> minted = links.issue(request.requestId());
                if (minted.isEmpty()) {
                    return new MailDelivery.Skip("the link's request was used, replaced by a newer one, or expired before it was sent");
                }
                link = Optional.of(URI.create(publicUrl + PAGES.get(request.email()) + "#token=" + minted.get().token()));
                // each attempt carries a new link, so it is a new message to the provider
                providerKey = email.key() + "/" + context.attempt();
            }
            return new MailDelivery.Ready(new MailTemplates.Content(name, link, List.of(request.otherAddress()), Optional.empty()),
                    providerKey, Optional.empty());
        });
    }
}
