package org.gospelib.identity.remote;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.gospelib.identity.AccountLinks;
import org.gospelib.identity.Accounts;
import org.gospelib.identity.Caller;
import org.gospelib.identity.WebSessions;

/**
 * Sessions and accounts answered by the identity service in another process. Answers are kept a
 * few seconds: the gateway resolves a session on every request, so a page's dozen requests cost
 * one call; a signed-out session or a deleted account is refused again after at most {@link #TTL}.
 */
final class RemoteIdentity implements WebSessions, Accounts, AccountLinks, org.gospelib.identity.PlanAssignments {

    static final Duration TTL = Duration.ofSeconds(5);

    private final IdentityApi api;
    private final Cache<String, WebSession> sessions = Caffeine.newBuilder().expireAfterWrite(TTL).maximumSize(10_000).build();
    private final Cache<Caller, UUID> accounts = Caffeine.newBuilder().expireAfterWrite(TTL).maximumSize(10_000).build();

    RemoteIdentity(IdentityApi api) {
        this.api = api;
    }

    @Override
    public Optional<WebSession> resolve(String sessionCookie) {
        if (sessionCookie.isEmpty() || sessionCookie.length() > 128) return Optional.empty();
        WebSession known = sessions.getIfPresent(sessionCookie);
        if (known != null) return Optional.of(known);
        Optional<WebSession> found = IdentityApi.orEmpty(() -> api.resolveSession(new IdentityApi.SessionLookup(sessionCookie)));
        found.ifPresent(session -> sessions.put(sessionCookie, session));
        return found;
    }

    @Override
    public Optional<UUID> userId(Caller caller) {
        UUID known = accounts.getIfPresent(caller);
        if (known != null) return Optional.of(known);
        Optional<UUID> found = IdentityApi.orEmpty(() -> api.userId(caller)).map(IdentityApi.AccountId::id);
        found.ifPresent(id -> accounts.put(caller, id));
        return found;
    }

    /** Never cached: each call mints a new secret. */
    @Override
    public Optional<AccountLink> issue(UUID requestId) {
        return IdentityApi.orEmpty(() -> api.issueAccountLink(new IdentityApi.AccountLinkRequest(requestId)));
    }

    @Override
    public Optional<Contact> contact(UUID userId) {
        return IdentityApi.orEmpty(() -> api.contact(new IdentityApi.AccountId(userId)));
    }

    /** Never cached: a write. */
    @Override
    public Optional<String> assign(UUID userId, org.gospelib.identity.Plan plan) {
        return IdentityApi.orEmpty(() -> api.assignPlan(new IdentityApi.PlanAssignment(userId, plan))).map(IdentityApi.Subject::subject);
    }
}
