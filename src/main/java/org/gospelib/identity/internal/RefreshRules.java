package org.gospelib.identity.internal;

import java.time.Instant;
import java.util.Optional;

/**
 * What presenting a refresh token means. A token is good once: exchanging it marks it used and
 * issues the next of its family. Presenting a used token again means two parties hold it (the
 * legitimate client already moved on, or an attacker did), so the whole family is revoked and
 * whoever is left must sign in again (OAuth 2.0 Security BCP, refresh token rotation).
 */
final class RefreshRules {

    private RefreshRules() {
    }

    /** The stored state of a presented token and its family. */
    record Presented(Instant expiresAt, Optional<Instant> usedAt, Optional<Instant> familyRevokedAt) {
    }

    enum Outcome {
        /** Good: mark it used and issue the next one in the family. */
        ROTATE,
        /** Unknown token: reject, nothing to change. */
        UNKNOWN,
        /** Expired: reject. */
        EXPIRED,
        /** The family was revoked (sign-out or earlier reuse): reject. */
        REVOKED,
        /** Used before: revoke the family, reject. */
        REUSED
    }

    static Outcome decide(Optional<Presented> presented, Instant now) {
        if (presented.isEmpty()) return Outcome.UNKNOWN;
        Presented p = presented.get();
        if (p.familyRevokedAt().isPresent()) return Outcome.REVOKED;
        if (p.usedAt().isPresent()) return Outcome.REUSED;
        if (!now.isBefore(p.expiresAt())) return Outcome.EXPIRED;
        return Outcome.ROTATE;
    }
}
