package org.gospelib.web.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.gospelib.content.ScriptureText;
import org.gospelib.content.TranslationInfo;
import org.gospelib.scripture.VerseOfTheDay;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Every reader page has link-preview tags: a page about a verse sets its own (the chapter, the
 * home page); any other page (search, topics, a lemma, the account) previews with its own title
 * and the card of the verse of the day.
 */
@ControllerAdvice(basePackageClasses = OpenGraphDefaults.class)
class OpenGraphDefaults {

    private final ScriptureText scripture;
    private final String publicUrl;
    /** The day's tags, worked out once a day: every page carries them, and split, each lookup is a call to content. */
    private final java.util.concurrent.atomic.AtomicReference<Today> today = new java.util.concurrent.atomic.AtomicReference<>();

    private record Today(LocalDate date, OpenGraph og) {
    }

    OpenGraphDefaults(ScriptureText scripture, @Value("${gospelib.notifications.public-url:http://localhost:8080}") String publicUrl) {
        this.scripture = scripture;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @ModelAttribute("og")
    OpenGraph og(jakarta.servlet.http.HttpServletRequest request) {
        LocalDate date = LocalDate.now(ZoneOffset.UTC);
        Today known = today.get();
        if (known == null || !known.date().equals(date)) {
            var translations = scripture.translations();
            if (translations.isEmpty()) return null;
            TranslationInfo primary = translations.getFirst();
            OpenGraph verse = OpenGraph.of(scripture, primary, VerseOfTheDay.on(date), "/", publicUrl);
            // the page's own title, not the verse's
            known = new Today(date, new OpenGraph("", verse.description(), verse.url(), verse.image()));
            today.set(known);
        }
        return new OpenGraph("", known.og().description(), publicUrl + request.getRequestURI(), known.og().image());
    }
}
