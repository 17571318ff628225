package org.gospelib.content.internal;

import java.util.ArrayList;
import java.util.List;
import org.gospelib.scripture.VerseRef;
import org.springframework.stereotype.Component;

/** Builds passage and verse answers from the snapshot: array lookups, no I/O. */
@Component
class PassageAssembler {

    ApiModel.Passage assemble(String input, References.Resolved resolved, List<TranslationSnapshot> translations) {
        List<ApiModel.PassagePart> parts = new ArrayList<>(resolved.parts().size());
        for (References.Part part : resolved.parts()) {
            List<ApiModel.ParallelVerse> verses = new ArrayList<>(part.verses().size());
            for (VerseRef ref : part.verses()) {
                List<ApiModel.VerseJson> columns = new ArrayList<>(translations.size());
                for (TranslationSnapshot t : translations) {
                    t.atKjv(ref).ifPresent(v -> columns.add(ApiModel.VerseJson.of(t.id(), v.nativeRef(), v.content())));
                }
                verses.add(new ApiModel.ParallelVerse(ref.osis(), ref.book(), ref.chapter(), ref.verse(), columns));
            }
            parts.add(new ApiModel.PassagePart(part.osis(), verses));
        }
        return new ApiModel.Passage(input, resolved.osis(), translations.stream().map(TranslationSnapshot::id).toList(),
                parts);
    }

    ApiModel.VerseEverywhere everywhere(VerseRef ref, List<TranslationSnapshot> translations) {
        List<ApiModel.VerseJson> columns = new ArrayList<>();
        for (TranslationSnapshot t : translations) {
            t.atKjv(ref).ifPresent(v -> columns.add(ApiModel.VerseJson.of(t.id(), v.nativeRef(), v.content())));
        }
        if (columns.isEmpty()) throw ContentProblems.verseOutOfRange(ref.osis(), "no translation has text at " + ref.osis());
        return new ApiModel.VerseEverywhere(ref.osis(), columns);
    }
}
