package org.gospelib.notifications.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * One-click unsubscribe (RFC 8058): a mail program posts {@code List-Unsubscribe=One-Click} to the
 * address in the email's {@code List-Unsubscribe} header, and the reader's page posts here too. The
 * link's token names the reader; no sign-in is needed, and nothing but turning email off can be
 * done with it.
 */
@RestController
@Tag(name = "Notifications")
class UnsubscribeController {

    private final PreferenceStore preferences;
    private final TransactionTemplate transactions;
    private final Clock clock;

    UnsubscribeController(PreferenceStore preferences, TransactionTemplate transactions, Clock clock) {
        this.preferences = preferences;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** @param unsubscribed the kinds no longer emailed; @param stillEmailed the kinds that still are */
    record Unsubscribed(List<String> unsubscribed, List<String> stillEmailed) {
    }

    @PostMapping("/v1/notifications/unsubscribe")
    @Operation(summary = "Stop a kind of email (one click)", description = "The token and kind come from the email's link; "
            + "without a kind, every reminder email stops.")
    ResponseEntity<Unsubscribed> unsubscribe(@RequestParam(name = "token", defaultValue = "") String token,
            @RequestParam(name = "kind", defaultValue = "") String kind) {
        Set<ReminderKind> stopping = kind.isBlank() ? EnumSet.allOf(ReminderKind.class)
                : EnumSet.of(ReminderKind.of(kind.strip()).orElseThrow(() -> NotificationsProblems.unknownKind(kind)));
        ReminderPreferences after = transactions.execute(tx -> {
            ReminderPreferences current = preferences.byUnsubscribeToken(token.strip())
                    .orElseThrow(NotificationsProblems::unknownUnsubscribeToken);
            Set<ReminderKind> kept = current.email().isEmpty() ? EnumSet.noneOf(ReminderKind.class) : EnumSet.copyOf(current.email());
            kept.removeAll(stopping);
            ReminderPreferences changed = current.withEmail(kept);
            preferences.save(changed, clock.instant());
            return changed;
        });
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new Unsubscribed(
                stopping.stream().map(k -> k.key).toList(), after.email().stream().map(k -> k.key).toList()));
    }
}
