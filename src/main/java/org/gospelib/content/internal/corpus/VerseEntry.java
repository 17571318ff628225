package org.gospelib.content.internal.corpus;

import org.gospelib.scripture.VerseContent;
import org.gospelib.scripture.VerseRef;

/**
 * One translation's verse as the snapshot keeps it: where its API JSON lies (rendered once, when
 * the corpus was loaded from the database), so that a passage answer is a concatenation of
 * byte ranges. The JSON is the whole verse model, so the model is read back from it when asked for
 * (a parse: read it once per use); nothing but this small record is on the heap per verse.
 */
public record VerseEntry(VerseRef nativeRef, VerseBytes bytes, long offset, int length) {

    public static VerseEntry onHeap(VerseRef nativeRef, byte[] json) {
        return new VerseEntry(nativeRef, new VerseBytes.OnHeap(json), 0, json.length);
    }

    public byte[] json() {
        return bytes.read(offset, length);
    }

    public VerseContent content() {
        return VerseJsonReader.read(json());
    }
}
