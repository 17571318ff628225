package org.gospelib.notifications.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.gospelib.identity.Accounts;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A reader's reminder settings: what they want, by which channel, when in their own day. */
@RestController
@Tag(name = "Notifications")
class PreferencesController {

    private final PreferenceStore preferences;
    private final PreferenceRules rules;
    private final Accounts accounts;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PreferencesController(PreferenceStore preferences, PreferenceRules rules, Accounts accounts, TransactionTemplate transactions,
            Clock clock) {
        this.preferences = preferences;
        this.rules = rules;
        this.accounts = accounts;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Which channels a kind of reminder comes by: email, and the reader's subscribed browsers (Web Push). */
    record Channels(Boolean email, Boolean push) {
    }

    record QuietHours(String start, String end) {
    }

    /**
     * The settings as sent and as answered; absent fields take their defaults.
     *
     * @param timeZone       an IANA time zone, e.g. {@code America/Mexico_City}; {@code UTC} by default
     * @param remindAt       the local time reminders come, {@code HH:mm}; {@code 08:00} by default
     * @param quietHours     local hours when nothing is sent (across midnight if start is later); none by default
     * @param kinds          {@code plan-reminder}, {@code catch-up}, {@code verse-of-the-day}: the channels of each; all off by default
     * @param translation    the verse of the day's translation; by the account's language if empty
     * @param nextReminderAt when the next reminder is due (answered only; absent when nothing is wanted)
     */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record Preferences(String timeZone, String remindAt, QuietHours quietHours, Map<String, Channels> kinds, String translation,
            Instant nextReminderAt) {
    }

    @GetMapping("/v1/me/notifications/preferences")
    @Operation(summary = "The signed-in reader's reminder settings")
    ResponseEntity<Preferences> get(HttpServletRequest request) {
        UUID user = accounts.signedIn(request);
        ReminderPreferences stored = preferences.find(user)
                .orElseGet(() -> ReminderPreferences.defaults(user, PreferenceStore.newUnsubscribeToken()));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(answer(stored));
    }

    @PutMapping(path = "/v1/me/notifications/preferences", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Set the signed-in reader's reminder settings", description = "Reminders come each day at remindAt "
            + "in timeZone (daylight-saving changes included), moved out of quiet hours, each kind at most once a day, "
            + "by email to a verified address. Every email carries a one-click unsubscribe link.")
    ResponseEntity<Preferences> put(@RequestBody Preferences body, HttpServletRequest request) {
        UUID user = accounts.signedIn(request);
        ReminderPreferences saved = transactions.execute(tx -> {
            String token = preferences.find(user).map(ReminderPreferences::unsubscribeToken)
                    .orElseGet(PreferenceStore::newUnsubscribeToken);
            ReminderPreferences wanted = new ReminderPreferences(user, rules.zone(body.timeZone()), rules.time(body.remindAt()),
                    rules.quietHours(Optional.ofNullable(body.quietHours()).map(q -> q.start()),
                            Optional.ofNullable(body.quietHours()).map(q -> q.end())),
                    kinds(body.kinds(), Channels::email), kinds(body.kinds(), Channels::push), rules.translation(body.translation()),
                    token);
            preferences.save(wanted, clock.instant());
            return wanted;
        });
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(answer(saved));
    }

    private Set<ReminderKind> kinds(Map<String, Channels> kinds, java.util.function.Function<Channels, Boolean> channel) {
        Set<ReminderKind> wanted = EnumSet.noneOf(ReminderKind.class);
        if (kinds == null) return wanted;
        for (Map.Entry<String, Channels> entry : kinds.entrySet()) {
            ReminderKind kind = ReminderKind.of(entry.getKey()).orElseThrow(() -> NotificationsProblems.unknownKind(entry.getKey()));
            if (entry.getValue() != null && Boolean.TRUE.equals(channel.apply(entry.getValue()))) wanted.add(kind);
        }
        return wanted;
    }

    private Preferences answer(ReminderPreferences stored) {
        Map<String, Channels> kinds = new LinkedHashMap<>();
        for (ReminderKind kind : ReminderKind.values()) {
            kinds.put(kind.key, new Channels(stored.email().contains(kind), stored.push().contains(kind)));
        }
        return new Preferences(stored.zone().getId(), stored.remindAt().toString(),
                stored.quiet().map(q -> new QuietHours(q.start().toString(), q.end().toString())).orElse(null), kinds,
                stored.translation(), stored.nextAfter(clock.instant()).orElse(null));
    }
}
