package org.gospelib.identity.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.gospelib.identity.Caller;
import org.gospelib.identity.IdentityProperties;
import org.gospelib.identity.Plan;
import org.gospelib.identity.Role;
import org.gospelib.identity.UserDeleted;
import org.gospelib.platform.ProblemException;
import org.gospelib.platform.UserText;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/** The built-in provider's use cases and the account operations every provider shares. */
class IdentityService implements org.gospelib.identity.Accounts {

    /** Deliberately loose: the address is proven by use, not by a regular expression. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}");

    private final UserStore users;
    private final Passwords passwords;
    private final RefreshTokens refreshTokens;
    private final WebSessionStore sessions;
    private final Optional<KeyRing> keys;
    private final Optional<AccessTokenIssuer> issuer;
    private final IdentityProperties properties;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SignInThrottle throttle;
    private final AccountEmails accountEmails;
    private final Counter signUps;
    private final Map<SignInOutcome, Counter> signIns;

    private enum SignInOutcome {
        SUCCESS("success"), FAILURE("failure"), THROTTLED("throttled");

        final String label;

        SignInOutcome(String label) {
            this.label = label;
        }
    }

    IdentityService(UserStore users, Passwords passwords, RefreshTokens refreshTokens, WebSessionStore sessions,
            Optional<KeyRing> keys, IdentityProperties properties, TransactionTemplate transactions,
            ApplicationEventPublisher events, Clock clock, SignInThrottle throttle, AccountEmails accountEmails,
            MeterRegistry meters) {
        this.throttle = throttle;
        this.accountEmails = accountEmails;
        this.signUps = Counter.builder("gospelib.identity.signups").description("accounts created with a password")
                .register(meters);
        this.signIns = new EnumMap<>(SignInOutcome.class);
        for (SignInOutcome outcome : SignInOutcome.values()) {
            signIns.put(outcome, Counter.builder("gospelib.identity.signins").tag("outcome", outcome.label)
                    .description("password sign-ins by outcome (throttled: refused before any password was checked)")
                    .register(meters));
        }
        this.users = users;
        this.passwords = passwords;
        this.refreshTokens = refreshTokens;
        this.sessions = sessions;
        this.keys = keys;
        this.issuer = keys.map(k -> new AccessTokenIssuer(properties.issuer(), properties.audience(), properties.accessTokenTtl()));
        this.properties = properties;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /** RFC 5321's limit on a path, which bounds any address that can receive mail. */
    static final int MAX_EMAIL_LENGTH = 254;
    static final int MAX_DISPLAY_NAME_LENGTH = 100;

    /** An access token, how long it lives, and the refresh token that renews it. */
    record Tokens(String accessToken, long expiresIn, String refreshToken) {
    }

    /** The address, stripped, if it can be one; a problem otherwise. */
    static String checkEmail(String email) {
        String normalized = email.strip();
        if (!EMAIL.matcher(normalized).matches()) {
            throw new ProblemException("invalid-email", "Invalid email", 400, "not an email address");
        }
        if (normalized.length() > MAX_EMAIL_LENGTH) {
            throw new ProblemException("invalid-email", "Invalid email", 400,
                    "an email address has at most " + MAX_EMAIL_LENGTH + " characters");
        }
        return normalized;
    }

    /** A new account, and an email asking its owner to prove the address (written in {@code language}). */
    UserAccount signUp(String email, String password, String displayName, String language) {
        requireBuiltIn();
        String normalized = checkEmail(email);
        String name = displayName.strip();
        if (UserText.length(name) > MAX_DISPLAY_NAME_LENGTH || UserText.problem(name, false).isPresent()) {
            throw new ProblemException("invalid-display-name", "Invalid display name", 422,
                    "a display name has at most " + MAX_DISPLAY_NAME_LENGTH + " characters and no control characters");
        }
        passwords.checkAcceptable(password, normalized);
        String hash = passwords.hash(password);
        Instant now = clock.instant();
        boolean admin = properties.adminEmails().stream().anyMatch(a -> a.equalsIgnoreCase(normalized));
        UserAccount account = new UserAccount(UUID.randomUUID(), normalized, Optional.of(hash), Optional.empty(),
                name, admin ? Role.ADMIN : Role.USER, Plan.FREE, now, Optional.empty(), AccountLanguages.of(language));
        UserAccount created = transactions.execute(tx -> {
            UserAccount inserted = users.insert(account).orElseThrow(() -> new ProblemException("email-taken",
                    "Email already registered", 409, "an account with this email exists; sign in instead"));
            accountEmails.onSignUp(inserted);
            return inserted;
        });
        signUps.increment();
        return created;
    }

    /**
     * Checks the password; the same failure, after the same work, whether the email or the password
     * is wrong. An email with too many recent failures is refused before any password is checked.
     */
    UserAccount authenticate(String email, String password) {
        requireBuiltIn();
        Instant now = clock.instant();
        Optional<Duration> locked = throttle.admit(email, now);
        if (locked.isPresent()) {
            signIns.get(SignInOutcome.THROTTLED).increment();
            long seconds = Math.max(1, locked.get().toSeconds());
            throw new ProblemException("too-many-sign-in-attempts", "Too many sign-in attempts", 429,
                    "too many wrong passwords for this email; try again in " + Math.ceilDiv(seconds, 60) + " min",
                    Map.of("retryAfterSeconds", seconds));
        }
        Optional<UserAccount> user = users.byEmail(email.strip()).filter(u -> u.passwordHash().isPresent());
        if (user.isEmpty()) {
            passwords.matchDecoy(password);
            throw failed(email, now);
        }
        if (!passwords.matches(password, user.get().passwordHash().get())) throw failed(email, now);
        throttle.succeeded(email);
        // told only to whoever knows the password: a locked account is no secret from its owner
        if (users.lockedAt(user.get().id()).isPresent()) throw accountLocked();
        users.signedIn(user.get().id(), now);
        signIns.get(SignInOutcome.SUCCESS).increment();
        return user.get();
    }

    private ProblemException failed(String email, Instant now) {
        throttle.failed(email, now);
        signIns.get(SignInOutcome.FAILURE).increment();
        return badCredentials();
    }

    Tokens signIn(String email, String password) {
        UserAccount user = authenticate(email, password);
        Instant now = clock.instant();
        String refresh = transactions.execute(tx -> refreshTokens.startFamily(user.id(), now));
        return tokens(user, refresh, now);
    }

    Tokens refresh(String refreshToken) {
        requireBuiltIn();
        Instant now = clock.instant();
        RefreshTokens.Exchange exchange = transactions.execute(tx -> refreshTokens.exchange(refreshToken, now));
        if (exchange.next().isEmpty()) {
            String detail = switch (exchange.outcome()) {
                case EXPIRED -> "the refresh token has expired; sign in again";
                case REVOKED -> "the refresh token was revoked; sign in again";
                case REUSED -> "the refresh token was already used, so every token of this sign-in is revoked; sign in again";
                default -> "unknown refresh token";
            };
            throw new ProblemException("invalid-refresh-token", "Invalid refresh token", 401, detail);
        }
        UserAccount user = users.byId(exchange.userId().orElseThrow()).orElseThrow(() ->
                new ProblemException("invalid-refresh-token", "Invalid refresh token", 401, "the account no longer exists"));
        if (users.lockedAt(user.id()).isPresent()) throw accountLocked();
        return tokens(user, exchange.next().get(), now);
    }

    void signOut(String refreshToken) {
        requireBuiltIn();
        transactions.executeWithoutResult(tx -> refreshTokens.revoke(refreshToken, clock.instant()));
    }

    WebSessionStore.Started startSession(String email, String password) {
        UserAccount user = authenticate(email, password);
        return transactions.execute(tx -> sessions.start(user.id()));
    }

    void endSession(String sessionToken) {
        transactions.executeWithoutResult(tx -> sessions.end(sessionToken));
    }

    /** The account of an authenticated caller. */
    UserAccount account(Caller caller) {
        return lookup(caller).orElseThrow(() -> new ProblemException("unknown-user", "Unknown user", 404,
                "no account for this token's subject (deleted, or not yet received from the identity provider)"));
    }

    Optional<UserAccount> account(UUID id) {
        return users.byId(id);
    }

    @Override
    public Optional<UUID> userId(Caller caller) {
        return lookup(caller).map(UserAccount::id);
    }

    @Override
    public Optional<Contact> contact(UUID userId) {
        return users.byId(userId).map(u -> new Contact(u.email(), u.emailVerifiedAt().isPresent(), u.language()));
    }

    private Optional<UserAccount> lookup(Caller caller) {
        return properties.builtIn() ? parseUuid(caller.subject()).flatMap(users::byId) : users.byExternalId(caller.subject());
    }

    void delete(UserAccount account) {
        transactions.executeWithoutResult(tx -> {
            if (users.delete(account.id())) events.publishEvent(new UserDeleted(account.id(), clock.instant()));
        });
    }

    private Tokens tokens(UserAccount user, String refresh, Instant now) {
        AccessTokenIssuer.Issued access = issuer.orElseThrow().issue(keys.orElseThrow().signingKey(), user.id(),
                user.role(), user.plan(), now);
        return new Tokens(access.token(), access.expiresIn(), refresh);
    }

    private void requireBuiltIn() {
        requireBuiltIn(properties);
    }

    /** The one problem for every built-in route while an external provider manages accounts. */
    static void requireBuiltIn(IdentityProperties properties) {
        if (!properties.builtIn()) {
            throw new ProblemException("built-in-provider-disabled", "Sign in with the identity provider", 404,
                    "accounts, passwords and their emails are managed by the external identity provider");
        }
    }

    static ProblemException accountLocked() {
        return new ProblemException("account-locked", "Account locked", 403,
                "this account has been locked by an operator; write to support to have it unlocked");
    }

    private static ProblemException badCredentials() {
        return new ProblemException("invalid-credentials", "Invalid credentials", 401, "wrong email or password");
    }

    static Optional<UUID> parseUuid(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

}
