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

    OpenGraphDefaults(ScriptureText scripture, @Value("${gospelib.notifications.public-url:http://localhost:8080}") String publicUrl) {
        this.scripture = scripture;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @ModelAttribute("og")
    OpenGraph og(jakarta.servlet.http.HttpServletRequest request) {
        var translations = scripture.translations();
        if (translations.isEmpty()) return null;
        TranslationInfo primary = translations.getFirst();
        OpenGraph verse = OpenGraph.of(scripture, primary, VerseOfTheDay.on(LocalDate.now(ZoneOffset.UTC)), request.getRequestURI(),
                publicUrl);
        // the page's own title, not the verse's
        return new OpenGraph("", verse.description(), verse.url(), verse.image());
    }
}
