package org.gospelib.web.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.gospelib.scripture.VerseRef;
import org.springframework.web.util.UriUtils;

/** The reader's URLs, shareable and stable: {@code /read/KJV/John/3#v16}. */
final class Links {

    private Links() {
    }

    static String chapter(String translation, String book, int chapter) {
        return "/read/" + translation + "/" + book + "/" + chapter;
    }

    /** The verse in its chapter, selected (side panel open) and scrolled to. */
    static String verse(String translation, VerseRef verse) {
        return chapter(translation, verse.book(), verse.chapter()) + "?v=" + verse.verse() + "#v" + verse.verse();
    }

    /**
     * {@code ?with=…} for the translations a reader asked to see alongside (as typed, comma
     * separated), each percent-encoded; empty when none was asked for.
     */
    static String parallelQuery(String with) {
        String ids = String.join(",", Arrays.stream(with.split(",")).map(String::strip).filter(id -> !id.isEmpty())
                .map(id -> UriUtils.encode(id, StandardCharsets.UTF_8)).toList());
        return ids.isEmpty() ? "" : "?with=" + ids;
    }
}
