package org.gospelib.web.internal;

import org.gospelib.scripture.VerseRef;

/** References as readers write them: "John 3:16", "John 3:1-21", "Romans 8:38-9:1". */
final class Labels {

    private Labels() {
    }

    static String verse(VerseRef verse, String language) {
        return Books.name(verse.book(), language) + " " + verse.chapter() + ":" + verse.verse();
    }

    static String range(VerseRef first, VerseRef last, String language) {
        if (first.equals(last)) return verse(first, language);
        if (!first.book().equals(last.book())) return verse(first, language) + " – " + verse(last, language);
        if (first.chapter() == last.chapter()) return verse(first, language) + "-" + last.verse();
        return verse(first, language) + "-" + last.chapter() + ":" + last.verse();
    }
}
