package org.gospelib.content.internal;

import org.gospelib.scripture.VerseContent;
import org.gospelib.scripture.VerseContentJson;
import org.gospelib.scripture.VerseRef;

/**
 * One translation's verse as the snapshot keeps it: plain text and title for text answers, the
 * API's JSON for this verse rendered once at load (a passage answer is then a concatenation of
 * byte arrays), and the stored form, decoded only when another module asks for the full model.
 * Keeping bytes rather than a tree of segment objects holds the corpus in a fraction of the heap.
 */
record VerseEntry(VerseRef nativeRef, String text, String title, byte[] json, String stored) {

    VerseContent content() {
        return VerseContentJson.read(stored);
    }
}
