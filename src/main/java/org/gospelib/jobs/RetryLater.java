package org.gospelib.jobs;

import java.time.Duration;

/**
 * Thrown by a handler that was told when to try again (an HTTP {@code Retry-After}): the attempt
 * failed, and the next one waits at least {@code after}, even if the retry policy says sooner.
 */
public final class RetryLater extends RuntimeException {

    private final Duration after;

    public RetryLater(String message, Duration after) {
        super(message);
        this.after = after.isNegative() ? Duration.ZERO : after;
    }

    public Duration after() {
        return after;
    }
}
