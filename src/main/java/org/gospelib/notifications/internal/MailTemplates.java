package org.gospelib.notifications.internal;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Emails written from templates: one layout per format ({@code mail/message.html},
 * {@code mail/message.txt}) and the words of each email per language
 * ({@code mail/messages_<language>.properties}), so a new language is a file of sentences and a
 * new email a handful of keys. The HTML is escaped by Thymeleaf; nothing a reader typed reaches
 * a template unescaped.
 */
final class MailTemplates {

    static final List<String> LANGUAGES = List.of("en", "es");

    private final SpringTemplateEngine html = engine(TemplateMode.HTML, ".html");
    private final SpringTemplateEngine text = engine(TemplateMode.TEXT, ".txt");
    private final MessageSource messages;

    /** A written email: its subject, and its body in both formats. */
    record Written(String subject, String text, String html) {
    }

    /**
     * What an email says, by message key prefix: {@code <name>.subject}, {@code .intro},
     * {@code .action} (the button, when there is a link), {@code .outro}.
     *
     * @param name        the email's message keys' prefix, e.g. {@code password-reset}
     * @param link        the link the email's button opens, if it has one
     * @param arguments   what the sentences fill in ({0}, {1}, …)
     * @param lines       lines of their own between the introduction and the button (readings, a verse), as given
     * @param unsubscribe the page that unsubscribes from an email that is not transactional
     */
    record Content(String name, Optional<URI> link, List<Object> arguments, List<String> lines, Optional<URI> unsubscribe) {
        Content {
            arguments = List.copyOf(arguments);
            lines = List.copyOf(lines);
        }

        /** An email without lines of its own. */
        Content(String name, Optional<URI> link, List<Object> arguments, Optional<URI> unsubscribe) {
            this(name, link, arguments, List.of(), unsubscribe);
        }
    }

    MailTemplates() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("mail/messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setUseCodeAsDefaultMessage(false);
        // the same quoting rules whether or not a sentence has arguments: an apostrophe is written twice
        source.setAlwaysUseMessageFormat(true);
        this.messages = source;
        html.setTemplateEngineMessageSource(source);
        text.setTemplateEngineMessageSource(source);
    }

    Written write(Content content, String language) {
        Locale locale = locale(language);
        Object[] arguments = content.arguments().toArray();
        Context context = new Context(locale);
        context.setVariable("intro", messages.getMessage(content.name() + ".intro", arguments, locale));
        context.setVariable("action", content.link().map(l -> messages.getMessage(content.name() + ".action", arguments, locale))
                .orElse(""));
        context.setVariable("link", content.link().map(URI::toString).orElse(""));
        context.setVariable("lines", content.lines());
        context.setVariable("outro", messages.getMessage(content.name() + ".outro", arguments, locale));
        context.setVariable("unsubscribe", content.unsubscribe().map(URI::toString).orElse(""));
        String subject = messages.getMessage(content.name() + ".subject", arguments, locale);
        context.setVariable("subject", subject);
        return new Written(subject, text.process("message", context), html.process("message", context));
    }

    /** One sentence in the language, e.g. a line of a list. */
    String sentence(String key, List<Object> arguments, String language) {
        return messages.getMessage(key, arguments.toArray(), locale(language));
    }

    static Locale locale(String language) {
        return Locale.forLanguageTag(LANGUAGES.contains(language) ? language : "en");
    }

    private static SpringTemplateEngine engine(TemplateMode mode, String suffix) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("mail/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
