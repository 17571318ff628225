package org.gospelib.content.internal.api;

import org.gospelib.content.internal.ContentProblems;
import org.gospelib.content.internal.corpus.ApiModel;
import org.gospelib.content.internal.corpus.TranslationSnapshot;
import org.gospelib.content.internal.corpus.VerseBytes;
import org.gospelib.content.internal.corpus.VerseEntry;

import java.util.List;
import java.util.Optional;
import org.gospelib.scripture.VerseRef;
import org.springframework.stereotype.Component;

/**
 * Builds passage and verse answers from the snapshot: array lookups and copies of verse JSON
 * rendered at load (from the page cache, see {@link VerseBytes}), no serialisation of verse
 * content per request. The shape is
 * {@link ApiModel.Passage}; where a translation merges several KJV verses into one of its own,
 * the later rows say {@code "continued": true} instead of repeating the text.
 */
@Component
class PassageAssembler {

    byte[] assemble(String input, References.Resolved resolved, List<TranslationSnapshot> translations) {
        JsonBytes json = new JsonBytes(sizeOf(resolved, translations));
        json.raw("{\"reference\":").string(input).raw(",\"osis\":").string(resolved.osis()).raw(",\"translations\":[");
        for (int t = 0; t < translations.size(); t++) {
            if (t > 0) json.raw(",");
            json.string(translations.get(t).id());
        }
        json.raw("],\"passages\":[");
        VerseRef[] lastNative = new VerseRef[translations.size()];
        for (int p = 0; p < resolved.parts().size(); p++) {
            References.Part part = resolved.parts().get(p);
            if (p > 0) json.raw(",");
            json.raw("{\"osis\":").string(part.osis()).raw(",\"verses\":[");
            for (int v = 0; v < part.verses().size(); v++) {
                VerseRef ref = part.verses().get(v);
                if (v > 0) json.raw(",");
                json.raw("{\"osis\":").string(ref.osis()).raw(",\"book\":").string(ref.book())
                        .raw(",\"chapter\":").number(ref.chapter()).raw(",\"verse\":").number(ref.verse())
                        .raw(",\"translations\":[");
                boolean first = true;
                for (int t = 0; t < translations.size(); t++) {
                    Optional<VerseEntry> entry = translations.get(t).atKjv(ref);
                    if (entry.isEmpty()) continue;
                    if (!first) json.raw(",");
                    first = false;
                    VerseRef nativeRef = entry.get().nativeRef();
                    if (nativeRef.equals(lastNative[t])) {
                        json.raw("{\"translation\":").string(translations.get(t).id()).raw(",\"ref\":")
                                .string(nativeRef.osis()).raw(",\"continued\":true}");
                    } else {
                        json.raw(entry.get());
                    }
                    lastNative[t] = nativeRef;
                }
                json.raw("]}");
            }
            json.raw("]}");
        }
        return json.raw("]}").toBytes();
    }

    /** The answer's size, near enough that its buffer never grows: verse JSON dominates it. */
    private static int sizeOf(References.Resolved resolved, List<TranslationSnapshot> translations) {
        int size = 1_024;
        for (References.Part part : resolved.parts()) {
            for (VerseRef ref : part.verses()) {
                size += 96;
                for (TranslationSnapshot t : translations) size += t.atKjv(ref).map(VerseEntry::length).orElse(0);
            }
        }
        return size;
    }

    byte[] everywhere(VerseRef ref, List<TranslationSnapshot> translations) {
        JsonBytes json = new JsonBytes(4_096);
        json.raw("{\"osis\":").string(ref.osis()).raw(",\"translations\":[");
        boolean first = true;
        for (TranslationSnapshot t : translations) {
            Optional<VerseEntry> entry = t.atKjv(ref);
            if (entry.isEmpty()) continue;
            if (!first) json.raw(",");
            first = false;
            json.raw(entry.get());
        }
        if (first) throw ContentProblems.verseOutOfRange(ref.osis(), "no translation has text at " + ref.osis());
        return json.raw("]}").toBytes();
    }
}
