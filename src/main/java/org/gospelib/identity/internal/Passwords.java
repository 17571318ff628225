package org.gospelib.identity.internal;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.gospelib.identity.IdentityProperties;
import org.gospelib.platform.ProblemException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Password rules and hashing. Argon2id with OWASP's minimum parameters (19 MiB, two passes, one
 * lane); at most a few hashes run at once, because each one holds 19 MiB and a burst of sign-ins
 * must not exhaust the heap. Length rules follow NIST SP 800-63B: a minimum, a generous maximum
 * (so the caller cannot choose the hashing cost), no composition rules.
 */
final class Passwords {

    private static final int MEMORY_KIB = 19 * 1024;
    private final Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, 1, MEMORY_KIB, 2);
    private final Semaphore hashing = new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors() * 2));
    private final IdentityProperties.Password rules;
    /**
     * Hash checked when the email is unknown, so that timing does not tell which emails have
     * accounts. Argon2 takes half a second here: it is made beside the application's start rather
     * than in its way, and a sign-in that comes before it is ready waits for it.
     */
    private final CompletableFuture<String> decoy;

    Passwords(IdentityProperties.Password rules) {
        this.rules = rules;
        this.decoy = CompletableFuture.supplyAsync(() -> argon2.encode("decoy password that matches nothing"),
                command -> Thread.ofVirtual().name("decoy-hash").start(command));
    }

    /** Rejects a password that breaks the rules, with a problem the client can act on. */
    void checkAcceptable(String password, String email) {
        int length = password.codePointCount(0, password.length());
        if (length < rules.minLength() || length > rules.maxLength()) {
            throw new ProblemException("weak-password", "Password not accepted", 400,
                    "a password needs " + rules.minLength() + " to " + rules.maxLength() + " characters");
        }
        if (password.toLowerCase(Locale.ROOT).equals(email.toLowerCase(Locale.ROOT))
                || password.codePoints().distinct().count() < 3) {
            throw new ProblemException("weak-password", "Password not accepted", 400,
                    "the password is too easy to guess");
        }
    }

    String hash(String password) {
        return limited(() -> argon2.encode(password));
    }

    boolean matches(String password, String hash) {
        if (password.length() > rules.maxLength() * 4) return false;
        return limited(() -> argon2.matches(password, hash));
    }

    /** Spends the same time as a real check, for unknown accounts. */
    void matchDecoy(String password) {
        matches(password, decoy.join());
    }

    private <T> T limited(java.util.function.Supplier<T> work) {
        try {
            if (!hashing.tryAcquire(5, TimeUnit.SECONDS)) {
                throw new ProblemException("busy", "Try again shortly", 503, "too many sign-ins at once");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException("busy", "Try again shortly", 503, "interrupted");
        }
        try {
            return work.get();
        } finally {
            hashing.release();
        }
    }
}
