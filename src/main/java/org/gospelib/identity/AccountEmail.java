package org.gospelib.identity;

import java.time.Duration;

/**
 * The emails an account's owner gets from the built-in provider. Some carry a single-use link
 * (its secret is minted when the email is sent, {@link AccountLinks}); the others tell the owner
 * that something changed, so that a change they did not make does not go unnoticed.
 */
public enum AccountEmail {
    /** A link that proves the address belongs to the reader (sent on sign-up, and on request). */
    VERIFY_EMAIL(Duration.ofDays(2)),
    /** A link to choose a new password. */
    PASSWORD_RESET(Duration.ofHours(1)),
    /** A link, sent to the new address, that completes a change of address. */
    CONFIRM_NEW_EMAIL(Duration.ofDays(1)),
    /** To the current address: a change to another address was asked for. */
    EMAIL_CHANGE_REQUESTED(Duration.ZERO),
    /** To the former address: the account's address was changed. */
    EMAIL_CHANGED(Duration.ZERO),
    /** The password was changed (by a reset): every sign-in was ended. */
    PASSWORD_CHANGED(Duration.ZERO);

    private final Duration linkLifetime;

    AccountEmail(Duration linkLifetime) {
        this.linkLifetime = linkLifetime;
    }

    public boolean carriesLink() {
        return !linkLifetime.isZero();
    }

    /** How long the email's link works; zero for an email without one. */
    public Duration linkLifetime() {
        return linkLifetime;
    }
}
