package org.gospelib.notifications.internal;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.gospelib.content.ScriptureText;
import org.gospelib.content.TranslationInfo;

/** What a reader may set: IANA time zones, {@code HH:mm} times, quiet hours, a translation GospeLib has. */
class PreferenceRules {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm").withResolverStyle(ResolverStyle.STRICT);
    /** Every region id the JDK knows, by its lower-case spelling: {@code europe/madrid} is {@code Europe/Madrid}. */
    private static final Map<String, String> ZONES = new TreeMap<>();

    static {
        for (String id : ZoneId.getAvailableZoneIds()) ZONES.put(id.toLowerCase(Locale.ROOT), id);
    }

    private final ScriptureText text;

    PreferenceRules(ScriptureText text) {
        this.text = text;
    }

    ZoneId zone(String id) {
        if (id == null || id.isBlank()) return ZoneId.of("UTC");
        String canonical = ZONES.get(id.strip().toLowerCase(Locale.ROOT));
        if (canonical == null) throw NotificationsProblems.invalidTimeZone(id);
        return ZoneId.of(canonical);
    }

    LocalTime time(String value) {
        if (value == null || value.isBlank()) return LocalTime.of(8, 0);
        return parse(value, "remindAt");
    }

    Optional<ReminderSchedule.QuietHours> quietHours(Optional<String> start, Optional<String> end) {
        if (start.isEmpty() && end.isEmpty()) return Optional.empty();
        if (start.isEmpty() || end.isEmpty()) throw NotificationsProblems.invalidQuietHours("quiet hours need a start and an end");
        LocalTime from = parse(start.get(), "quietHours.start");
        LocalTime to = parse(end.get(), "quietHours.end");
        if (from.equals(to)) throw NotificationsProblems.invalidQuietHours("quiet hours that end when they start would never end");
        return Optional.of(new ReminderSchedule.QuietHours(from, to));
    }

    String translation(String id) {
        if (id == null || id.isBlank()) return "";
        return text.translations().stream().map(TranslationInfo::id).filter(t -> t.equalsIgnoreCase(id.strip())).findFirst()
                .orElseThrow(() -> NotificationsProblems.unknownTranslation(id));
    }

    private static LocalTime parse(String value, String field) {
        try {
            return LocalTime.parse(value.strip(), HH_MM);
        } catch (DateTimeParseException e) {
            throw NotificationsProblems.invalidTime(field, value);
        }
    }
}
