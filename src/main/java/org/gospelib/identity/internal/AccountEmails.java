package org.gospelib.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.gospelib.identity.AccountEmail;
import org.gospelib.identity.AccountEmailRequested;
import org.gospelib.identity.AccountLinks;
import org.gospelib.identity.IdentityProperties;
import org.gospelib.platform.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the built-in provider does by email: verifying an address, resetting a forgotten password,
 * changing the address. Each emailed link is a single-use request ({@link AccountRequests}); the
 * email itself is sent by the notifications module on an {@link AccountEmailRequested}, which
 * carries no secret. Nothing here tells a caller whether an address has an account.
 */
class AccountEmails implements AccountLinks {

    /** At most this many emails of one purpose per account and hour: nobody can flood an inbox through us. */
    static final int EMAILS_PER_HOUR = 3;

    private final UserStore users;
    private final AccountRequests requests;
    private final Passwords passwords;
    private final RefreshTokens refreshTokens;
    private final WebSessionStore sessions;
    private final SignInThrottle throttle;
    private final IdentityProperties properties;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccountEmails(UserStore users, AccountRequests requests, Passwords passwords, RefreshTokens refreshTokens,
            WebSessionStore sessions, SignInThrottle throttle, IdentityProperties properties, TransactionTemplate transactions,
            ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.requests = requests;
        this.passwords = passwords;
        this.refreshTokens = refreshTokens;
        this.sessions = sessions;
        this.throttle = throttle;
        this.properties = properties;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /** Asks the new account's owner to prove the address; called in the sign-up's transaction. */
    void onSignUp(UserAccount account) {
        Instant now = clock.instant();
        UUID request = requests.open(account.id(), AccountRequests.Purpose.EMAIL_VERIFICATION, Optional.empty(), now,
                AccountEmail.VERIFY_EMAIL.linkLifetime());
        publish(request, account, AccountEmail.VERIFY_EMAIL, account.email(), "", now);
    }

    /** Sends the link again, unless the address is verified already. */
    void resendVerification(UserAccount account) {
        requireBuiltIn();
        if (account.emailVerifiedAt().isPresent()) {
            throw new ProblemException("email-already-verified", "Email already verified", 409,
                    "this account's address is verified already");
        }
        transactions.executeWithoutResult(tx -> {
            Instant now = clock.instant();
            UUID request = open(account, AccountRequests.Purpose.EMAIL_VERIFICATION, Optional.empty(), now,
                    AccountEmail.VERIFY_EMAIL);
            publish(request, account, AccountEmail.VERIFY_EMAIL, account.email(), "", now);
        });
    }

    void verifyEmail(String token) {
        requireBuiltIn();
        transactions.executeWithoutResult(tx -> {
            Instant now = clock.instant();
            AccountRequests.Redeemed redeemed = redeem(token, AccountRequests.Purpose.EMAIL_VERIFICATION, now);
            users.markEmailVerified(redeemed.userId(), now);
        });
    }

    /**
     * Emails a reset link if the address has an account with a password; does nothing otherwise,
     * and the caller cannot tell which (the answer is the same, and the email is sent later).
     */
    void requestPasswordReset(String email) {
        requireBuiltIn();
        transactions.executeWithoutResult(tx -> {
            Optional<UserAccount> account = users.byEmail(email.strip()).filter(u -> u.passwordHash().isPresent());
            if (account.isEmpty()) return;
            Instant now = clock.instant();
            // over the hourly bound the request is dropped silently: an answer would tell the address has an account
            if (requests.madeSince(account.get().id(), AccountRequests.Purpose.PASSWORD_RESET, now.minus(Duration.ofHours(1)))
                    >= EMAILS_PER_HOUR) {
                return;
            }
            UUID request = requests.open(account.get().id(), AccountRequests.Purpose.PASSWORD_RESET, Optional.empty(), now,
                    AccountEmail.PASSWORD_RESET.linkLifetime());
            publish(request, account.get(), AccountEmail.PASSWORD_RESET, account.get().email(), "", now);
        });
    }

    /**
     * Sets a new password with a reset link, and ends every sign-in and web session of the account:
     * whoever knew the old password is signed out. An unacceptable password leaves the link usable.
     */
    void resetPassword(String token, String newPassword) {
        requireBuiltIn();
        UserAccount account = transactions.execute(tx -> {
            Instant now = clock.instant();
            AccountRequests.Redeemed redeemed = redeem(token, AccountRequests.Purpose.PASSWORD_RESET, now);
            UserAccount user = users.byId(redeemed.userId()).orElseThrow(AccountEmails::invalidLink);
            passwords.checkAcceptable(newPassword, user.email());
            users.setPasswordHash(user.id(), passwords.hash(newPassword), now);
            // the link came to the address: it is proven
            users.markEmailVerified(user.id(), now);
            requests.closeAll(user.id(), now);
            refreshTokens.revokeAll(user.id(), "password-reset", now);
            sessions.endAll(user.id());
            publish(UUID.randomUUID(), user, AccountEmail.PASSWORD_CHANGED, user.email(), "", now);
            return user;
        });
        throttle.succeeded(account.email());
    }

    /**
     * Starts a change of address: a link to the new address completes it, and the current address
     * is told. The password is asked again, so a borrowed session cannot take the account.
     */
    void requestEmailChange(UserAccount account, String newEmail, String password) {
        requireBuiltIn();
        String normalized = IdentityService.checkEmail(newEmail);
        if (account.passwordHash().isEmpty() || !passwords.matches(password, account.passwordHash().get())) {
            throw new ProblemException("wrong-password", "Wrong password", 403, "the account's current password is needed");
        }
        if (normalized.equalsIgnoreCase(account.email())) {
            throw new ProblemException("same-email", "Same email", 400, "that is the account's address already");
        }
        transactions.executeWithoutResult(tx -> {
            Instant now = clock.instant();
            UUID request = open(account, AccountRequests.Purpose.EMAIL_CHANGE, Optional.of(normalized), now,
                    AccountEmail.CONFIRM_NEW_EMAIL);
            publish(request, account, AccountEmail.CONFIRM_NEW_EMAIL, normalized, account.email(), now);
            publish(UUID.randomUUID(), account, AccountEmail.EMAIL_CHANGE_REQUESTED, account.email(), normalized, now);
        });
    }

    void confirmEmailChange(String token) {
        requireBuiltIn();
        transactions.executeWithoutResult(tx -> {
            Instant now = clock.instant();
            AccountRequests.Redeemed redeemed = redeem(token, AccountRequests.Purpose.EMAIL_CHANGE, now);
            UserAccount user = users.byId(redeemed.userId()).orElseThrow(AccountEmails::invalidLink);
            String newEmail = redeemed.newEmail().orElseThrow(AccountEmails::invalidLink);
            boolean changed;
            try {
                changed = users.changeEmail(user.id(), newEmail, now);
            } catch (DuplicateKeyException raced) {
                changed = false;
            }
            if (!changed) {
                throw new ProblemException("email-taken", "Email already registered", 409,
                        "another account has this address now; the change cannot be made");
            }
            requests.closeAll(user.id(), now);
            publish(UUID.randomUUID(), user, AccountEmail.EMAIL_CHANGED, user.email(), newEmail, now);
        });
    }

    @Override
    public Optional<AccountLink> issue(UUID requestId) {
        return transactions.execute(tx -> requests.issue(requestId, clock.instant()));
    }

    private UUID open(UserAccount account, AccountRequests.Purpose purpose, Optional<String> newEmail, Instant now,
            AccountEmail email) {
        if (requests.madeSince(account.id(), purpose, now.minus(Duration.ofHours(1))) >= EMAILS_PER_HOUR) {
            throw new ProblemException("too-many-emails", "Too many emails", 429,
                    "at most " + EMAILS_PER_HOUR + " of these emails an hour; try again later",
                    java.util.Map.of("retryAfterSeconds", 3600));
        }
        return requests.open(account.id(), purpose, newEmail, now, email.linkLifetime());
    }

    private AccountRequests.Redeemed redeem(String token, AccountRequests.Purpose purpose, Instant now) {
        return requests.redeem(token.strip(), purpose, now).orElseThrow(AccountEmails::invalidLink);
    }

    private void publish(UUID request, UserAccount account, AccountEmail email, String recipient, String otherAddress,
            Instant now) {
        events.publishEvent(new AccountEmailRequested(request, account.id(), email, recipient, otherAddress, account.language(),
                now));
    }

    private void requireBuiltIn() {
        IdentityService.requireBuiltIn(properties);
    }

    static ProblemException invalidLink() {
        return new ProblemException("invalid-account-link", "Invalid or expired link", 400,
                "this link was used already, has expired, or was replaced by a newer one; ask for a new email");
    }
}
