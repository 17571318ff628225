package org.gospelib.content.internal;

import java.util.List;

/** Renders a passage as plain text: each translation in turn, a verse number before each verse. */
final class PlainTextPassage {

    private PlainTextPassage() {
    }

    static String render(ApiModel.Passage passage, List<TranslationSnapshot> translations) {
        StringBuilder out = new StringBuilder(4_096);
        for (TranslationSnapshot translation : translations) {
            for (ApiModel.PassagePart part : passage.passages()) {
                String lastChapter = "";
                for (ApiModel.ParallelVerse verse : part.verses()) {
                    for (ApiModel.VerseJson column : verse.translations()) {
                        if (!column.translation().equals(translation.id())) continue;
                        String chapter = verse.book() + " " + verse.chapter();
                        if (!chapter.equals(lastChapter)) {
                            if (!out.isEmpty()) out.append('\n');
                            out.append(bookName(translation, verse.book())).append(' ').append(verse.chapter())
                                    .append(" (").append(translation.id()).append(")\n");
                            lastChapter = chapter;
                        }
                        if (!column.title().isEmpty()) out.append(column.title()).append('\n');
                        out.append(verse.verse()).append(' ').append(column.text()).append('\n');
                    }
                }
            }
        }
        return out.toString();
    }

    private static String bookName(TranslationSnapshot translation, String osis) {
        return translation.book(osis).map(BookInfo::name).orElse(osis);
    }
}
