package org.gospelib.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.gospelib.identity.Plan;
import org.gospelib.identity.Role;
import org.gospelib.identity.UserDeleted;
import org.gospelib.platform.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps users in step with Clerk's {@code user.created}, {@code user.updated} and
 * {@code user.deleted} webhooks. Each delivery is applied at most once (its id is recorded in the
 * same transaction as its effect), and applying is an upsert, so order and retries are harmless.
 */
class ClerkUserSync {

    /** What became of a delivery. */
    enum Result { APPLIED, DUPLICATE, IGNORED }

    private final JdbcClient jdbc;
    private final UserStore users;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    ClerkUserSync(JdbcClient jdbc, UserStore users, TransactionTemplate transactions, ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /** Applies a verified delivery. */
    Result apply(String deliveryId, byte[] body) {
        JsonNode event = parse(body);
        String type = text(event.path("type"));
        JsonNode data = event.path("data");
        String externalId = text(data.path("id"));
        if (externalId.isBlank() || externalId.length() > 128) {
            throw new ProblemException("webhook-payload-invalid", "Webhook rejected", 400, "data.id is missing");
        }
        return transactions.execute(tx -> {
            int first = jdbc.sql("insert into webhook_delivery (id) values (?) on conflict do nothing").param(deliveryId).update();
            if (first == 0) return Result.DUPLICATE;
            Instant now = clock.instant();
            return switch (type) {
                case "user.created", "user.updated" -> {
                    upsert(externalId, primaryEmail(data), displayName(data), now);
                    yield Result.APPLIED;
                }
                case "user.deleted" -> {
                    users.byExternalId(externalId).ifPresent(u -> {
                        users.delete(u.id());
                        events.publishEvent(new UserDeleted(u.id(), now));
                    });
                    yield Result.APPLIED;
                }
                default -> Result.IGNORED;
            };
        });
    }

    private void upsert(String externalId, String email, String name, Instant now) {
        Optional<UserAccount> existing = users.byExternalId(externalId);
        if (existing.isPresent()) {
            UserAccount u = existing.get();
            if (!u.email().equals(email) || !u.displayName().equals(name)) {
                users.updateProfile(u.id(), email, name, now);
            }
            return;
        }
        UserAccount created = new UserAccount(UUID.randomUUID(), email, Optional.empty(), Optional.of(externalId), name,
                // Clerk proves addresses itself; its users' account emails stay with Clerk
                Role.USER, Plan.FREE, now, Optional.of(now), AccountLanguages.DEFAULT);
        if (users.insert(created).isEmpty()) {
            // The email belongs to another account: link it to this external id rather than fail forever.
            jdbc.sql("update app_user set external_id = ?, updated_at = ? where lower(email) = lower(?) and external_id is null")
                    .params(externalId, Timestamp.from(now), email).update();
        }
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) throw new IllegalArgumentException("not an object");
            return node;
        } catch (JacksonException | IllegalArgumentException e) {
            throw new ProblemException("webhook-payload-invalid", "Webhook rejected", 400, "the body is not a JSON object");
        }
    }

    private static String primaryEmail(JsonNode data) {
        String primaryId = text(data.path("primary_email_address_id"));
        String first = "";
        for (JsonNode address : data.path("email_addresses")) {
            String email = text(address.path("email_address"));
            if (first.isEmpty()) first = email;
            if (text(address.path("id")).equals(primaryId) && !email.isEmpty()) return email;
        }
        return first.isEmpty() ? text(data.path("id")) + "@users.invalid" : first;
    }

    private static String text(JsonNode node) {
        return node.isString() ? node.stringValue() : "";
    }

    private static String displayName(JsonNode data) {
        String first = text(data.path("first_name"));
        String last = text(data.path("last_name"));
        return (first + " " + last).strip();
    }
}
