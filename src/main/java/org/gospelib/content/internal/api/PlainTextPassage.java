package org.gospelib.content.internal.api;

import org.gospelib.content.internal.corpus.BookInfo;
import org.gospelib.content.internal.corpus.TranslationSnapshot;
import org.gospelib.content.internal.corpus.VerseEntry;

import java.util.List;
import java.util.Optional;
import org.gospelib.scripture.VerseContent;
import org.gospelib.scripture.VerseRef;

/** Renders a passage as plain text: each translation in turn, a verse number before each verse. */
final class PlainTextPassage {

    private PlainTextPassage() {
    }

    static String render(References.Resolved resolved, List<TranslationSnapshot> translations) {
        StringBuilder out = new StringBuilder(4_096);
        for (TranslationSnapshot translation : translations) {
            String lastChapter = "";
            VerseRef lastNative = null;
            for (References.Part part : resolved.parts()) {
                for (VerseRef ref : part.verses()) {
                    Optional<VerseEntry> entry = translation.atKjv(ref);
                    if (entry.isEmpty() || entry.get().nativeRef().equals(lastNative)) continue;
                    lastNative = entry.get().nativeRef();
                    String chapter = ref.book() + " " + ref.chapter();
                    if (!chapter.equals(lastChapter)) {
                        if (!out.isEmpty()) out.append('\n');
                        out.append(translation.book(ref.book()).map(BookInfo::name).orElse(ref.book())).append(' ')
                                .append(ref.chapter()).append(" (").append(translation.id()).append(")\n");
                        lastChapter = chapter;
                    }
                    VerseContent content = entry.get().content(); // read back from the verse's JSON once
                    if (!content.title().isEmpty()) out.append(content.title()).append('\n');
                    out.append(ref.verse()).append(' ').append(content.text()).append('\n');
                }
            }
        }
        return out.toString();
    }
}
