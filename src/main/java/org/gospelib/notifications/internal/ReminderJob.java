package org.gospelib.notifications.internal;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.gospelib.content.ScriptureText;
import org.gospelib.identity.Accounts;
import org.gospelib.jobs.JobContext;
import org.gospelib.jobs.JobHandler;
import org.gospelib.jobs.JobKind;
import org.gospelib.scripture.VerseOfTheDay;
import org.gospelib.scripture.VerseRef;
import org.gospelib.study.PlanDays;

/**
 * One reader's reminders for one day of their calendar: each kind they want is its own email,
 * logged under {@code <kind>/<reader>/<date>}, so however often the job runs nobody gets the same
 * reminder twice. Reminders go only to a verified address, and say nothing when there is nothing
 * to say (every plan read today, no plan behind).
 */
class ReminderJob implements JobHandler<ReminderJob.Reminder> {

    /** @param date the day of the reader's calendar the reminders are for */
    record Reminder(UUID userId, LocalDate date) {
    }

    static final JobKind<Reminder> KIND = new JobKind<>("notifications.reminder", Reminder.class);

    /** How far behind a plan is before a catch-up nudge is worth sending. */
    static final int BEHIND_FOR_NUDGE = 2;

    private final PreferenceStore preferences;
    private final Accounts accounts;
    private final PlanDays plans;
    private final ScriptureText text;
    private final MailDelivery mail;
    private final PushDelivery push;
    private final MailTemplates templates;
    private final URI publicUrl;

    ReminderJob(PreferenceStore preferences, Accounts accounts, PlanDays plans, ScriptureText text, MailDelivery mail,
            PushDelivery push, MailTemplates templates, URI publicUrl) {
        this.push = push;
        this.preferences = preferences;
        this.accounts = accounts;
        this.plans = plans;
        this.text = text;
        this.mail = mail;
        this.templates = templates;
        this.publicUrl = publicUrl;
    }

    static String key(UUID userId, LocalDate date) {
        return "reminder/" + userId + "/" + date;
    }

    @Override
    public JobKind<Reminder> kind() {
        return KIND;
    }

    @Override
    public void handle(Reminder reminder, JobContext context) throws Exception {
        Optional<ReminderPreferences> found = preferences.find(reminder.userId());
        Optional<Accounts.Contact> contact = accounts.contact(reminder.userId());
        if (found.isEmpty() || contact.isEmpty()) return;
        ReminderPreferences wanted = found.get();
        String language = contact.get().language();
        Locale locale = MailTemplates.locale(language);
        boolean wantsPlans = java.util.stream.Stream.of(ReminderKind.PLAN_REMINDER, ReminderKind.CATCH_UP)
                .anyMatch(k -> wanted.email().contains(k) || wanted.push().contains(k));
        List<PlanDays.PlanDay> days = wantsPlans ? plans.on(reminder.userId(), reminder.date()) : List.of();
        for (ReminderKind kind : ReminderKind.values()) {
            if (!wanted.email().contains(kind) && !wanted.push().contains(kind)) continue;
            java.util.function.Supplier<Optional<MailTemplates.Content>> content = () -> switch (kind) {
                case PLAN_REMINDER -> planReminder(days, locale, language, wanted, kind);
                case CATCH_UP -> catchUp(days, language, wanted, kind);
                case VERSE_OF_THE_DAY -> verseOfTheDay(reminder.date(), locale, language, wanted, kind);
            };
            String key = kind.key + "/" + reminder.userId() + "/" + reminder.date();
            if (wanted.email().contains(kind)) {
                MailDelivery.Email email = new MailDelivery.Email(key, Optional.of(reminder.userId()), kind.key, contact.get().email(),
                        false, language);
                mail.deliver(email, () -> {
                    if (!contact.get().verified()) return new MailDelivery.Skip("the address is not verified");
                    return content.get().<MailDelivery.Draft>map(c -> new MailDelivery.Ready(c, email.key(),
                            Optional.of(oneClick(wanted, kind)))).orElseGet(() -> new MailDelivery.Skip("nothing to remind of that day"));
                });
            }
            if (wanted.push().contains(kind)) {
                push.deliver(key + "/push", reminder.userId(), kind.key, () -> content.get().map(c -> {
                    MailTemplates.Written written = templates.write(c, language);
                    String body = c.lines().isEmpty() ? written.subject() : String.join("\n", c.lines());
                    return new PushDelivery.Payload(written.subject(), PushDelivery.clip(body),
                            c.link().map(URI::toString).orElse(publicUrl.toString()), kind.key);
                }));
            }
        }
    }

    private Optional<MailTemplates.Content> planReminder(List<PlanDays.PlanDay> days, Locale locale, String language,
            ReminderPreferences wanted, ReminderKind kind) {
        List<String> lines = new ArrayList<>();
        for (PlanDays.PlanDay day : days) {
            if (day.finished() || day.read() || day.readings().isEmpty()) continue;
            String readings = String.join("; ", day.readings().stream().map(r -> ReadingLabels.of(r, locale)).toList());
            lines.add(templates.sentence("plan-reminder.line", List.of(day.name(), day.day(), day.days(), readings), language));
        }
        if (lines.isEmpty()) return Optional.empty();
        return Optional.of(new MailTemplates.Content(kind.key, Optional.of(URI.create(publicUrl + "/me/plans")), List.of(), lines,
                Optional.of(page(wanted, kind))));
    }

    private Optional<MailTemplates.Content> catchUp(List<PlanDays.PlanDay> days, String language, ReminderPreferences wanted,
            ReminderKind kind) {
        List<String> lines = new ArrayList<>();
        for (PlanDays.PlanDay day : days) {
            if (day.finished() || day.behind() < BEHIND_FOR_NUDGE) continue;
            lines.add(templates.sentence("catch-up.line", List.of(day.name(), day.behind()), language));
        }
        if (lines.isEmpty()) return Optional.empty();
        return Optional.of(new MailTemplates.Content(kind.key, Optional.of(URI.create(publicUrl + "/me/plans")), List.of(), lines,
                Optional.of(page(wanted, kind))));
    }

    private Optional<MailTemplates.Content> verseOfTheDay(LocalDate date, Locale locale, String language, ReminderPreferences wanted,
            ReminderKind kind) {
        VerseRef verse = VerseOfTheDay.on(date);
        String translation = !wanted.translation().isEmpty() ? wanted.translation() : "es".equals(language) ? "RV1909" : "WEB";
        Optional<String> words = text.verse(translation, verse).map(v -> v.text().strip()).filter(t -> !t.isEmpty());
        if (words.isEmpty()) return Optional.empty();
        String reference = ReadingLabels.of(verse.osis(), locale) + " (" + translation + ")";
        URI link = URI.create(publicUrl + "/read/" + translation + "/" + verse.book() + "/" + verse.chapter() + "?v=" + verse.verse()
                + "#v" + verse.verse());
        return Optional.of(new MailTemplates.Content(kind.key, Optional.of(link), List.of(reference),
                List.of("“" + words.get() + "”"), Optional.of(page(wanted, kind))));
    }

    /** The page a reader opens from the email's footer to unsubscribe from this kind. */
    private URI page(ReminderPreferences wanted, ReminderKind kind) {
        return URI.create(publicUrl + "/notifications/unsubscribe?token=" + wanted.unsubscribeToken() + "&kind=" + kind.key);
    }

    /** Where a mail program posts RFC 8058's one-click unsubscribe. */
    private URI oneClick(ReminderPreferences wanted, ReminderKind kind) {
        return URI.create(publicUrl + "/v1/notifications/unsubscribe?token=" + wanted.unsubscribeToken() + "&kind=" + kind.key);
    }
}
