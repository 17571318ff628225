package org.gospelib.study.internal;

import org.gospelib.assistant.AssistantHistory;
import java.util.List;
import java.util.Map;
import org.gospelib.scripture.BookNames;
import org.gospelib.scripture.OsisRange;
import org.gospelib.scripture.VerseRef;

/**
 * Everything a user kept, as Markdown a person can read and keep: notes in full, highlights and
 * bookmarks listed. What the user typed is escaped ({@link MarkdownText}), so the file renders it as text.
 */
final class StudyExport {

    private static final BookNames BOOKS = BookNames.standard();

    private StudyExport() {
    }

    /** A note's body; blank for any other item. */
    static String body(StudyItem item) {
        return item.data() instanceof ItemData.Note n ? n.body() : "";
    }

    /** A highlight's colour; blank for any other item. */
    static String colour(StudyItem item) {
        return item.data() instanceof ItemData.Highlight h ? h.colour() : "";
    }

    /** A bookmark's folder; blank for none, and for any other item. */
    static String folder(StudyItem item) {
        return item.data() instanceof ItemData.Bookmark b ? b.folder() : "";
    }

    static String markdown(Map<StudyKind, List<StudyItem>> items, List<AssistantHistory.Exchange> questions, String exportedAt) {
        return markdown(items, questions, exportedAt, ExportWords.ENGLISH);
    }

    static String markdown(Map<StudyKind, List<StudyItem>> items, List<AssistantHistory.Exchange> questions, String exportedAt,
            ExportWords words) {
        StringBuilder md = new StringBuilder("# ").append(words.title()).append("\n\n")
                .append(String.format(words.exportedOn(), exportedAt)).append("\n");
        List<StudyItem> notes = items.getOrDefault(StudyKind.NOTE, List.of());
        md.append("\n## ").append(words.notes()).append(" (").append(notes.size()).append(")\n");
        for (StudyItem note : notes) {
            md.append("\n### ").append(readable(note.osis(), words.locale())).append('\n');
            if (!note.tags().isEmpty()) {
                md.append("\n").append(words.tags()).append(": ").append(String.join(", ", note.tags().stream().map(MarkdownText::plain).toList())).append('\n');
            }
            md.append('\n').append(MarkdownText.withoutHtml(body(note).strip())).append('\n');
        }
        List<StudyItem> highlights = items.getOrDefault(StudyKind.HIGHLIGHT, List.of());
        md.append("\n## ").append(words.highlights()).append(" (").append(highlights.size()).append(")\n\n");
        for (StudyItem h : highlights) md.append("- ").append(readable(h.osis(), words.locale())).append(" — ").append(colour(h)).append('\n');
        List<StudyItem> bookmarks = items.getOrDefault(StudyKind.BOOKMARK, List.of());
        md.append("\n## ").append(words.bookmarks()).append(" (").append(bookmarks.size()).append(")\n\n");
        for (StudyItem b : bookmarks) {
            String folder = folder(b);
            md.append("- ").append(readable(b.osis(), words.locale())).append(folder.isBlank() ? "" : " (" + MarkdownText.plain(folder) + ")").append('\n');
        }
        md.append("\n## ").append(words.questions()).append(" (").append(questions.size()).append(")\n");
        for (AssistantHistory.Exchange q : questions) {
            md.append("\n### ").append(MarkdownText.plain(q.question())).append("\n\n*").append(q.askedAt()).append(", ")
                    .append(q.translation()).append("*\n\n").append(MarkdownText.withoutHtml(q.answer().strip())).append('\n');
        }
        return md.toString();
    }

    /** "John 3:16-18" for John.3.16-John.3.18; the OSIS itself if it cannot be read back. */
    static String readable(String osis) {
        return readable(osis, java.util.Locale.ENGLISH);
    }

    /** "Juan 3:16-18" in Spanish: the book named in the reader's language. */
    static String readable(String osis, java.util.Locale locale) {
        try {
            OsisRange range = OsisRange.parse(osis);
            List<VerseRef> verses = range.verses(org.gospelib.scripture.Versification.kjv());
            return BOOKS.label(verses.getFirst(), verses.getLast(), locale);
        } catch (IllegalArgumentException e) {
            return osis;
        }
    }
}
