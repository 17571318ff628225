package org.gospelib.web.internal;

import org.gospelib.scripture.VerseRef;

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
}
