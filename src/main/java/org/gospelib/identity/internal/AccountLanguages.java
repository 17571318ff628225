package org.gospelib.identity.internal;

import java.util.List;
import java.util.Locale;

/** The languages account emails are written in; an account has one of them. */
final class AccountLanguages {

    static final String DEFAULT = "en";
    static final List<String> SUPPORTED = List.of("en", "es");

    private AccountLanguages() {
    }

    /**
     * The supported language a request names: {@code "es-MX"} is Spanish; an
     * {@code Accept-Language} list is read in order; anything else is English.
     */
    static String of(String requested) {
        for (String range : requested.split(",")) {
            String tag = range.split(";")[0].strip().toLowerCase(Locale.ROOT);
            String language = tag.split("[-_]")[0];
            if (SUPPORTED.contains(language)) return language;
        }
        return DEFAULT;
    }
}
