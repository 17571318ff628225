package org.gospelib.web.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.gospelib.content.ReferenceLibrary;
import org.gospelib.content.ScriptureText;
import org.gospelib.content.TranslationInfo;
import org.gospelib.scripture.BookLayout;
import org.gospelib.scripture.Note;
import org.gospelib.scripture.VerseContent;
import org.gospelib.scripture.VerseRef;
import org.springframework.stereotype.Component;

/** Builds a {@link ChapterView} from the corpus. */
@Component
class ChapterAssembler {

    private final ScriptureText scripture;
    private final ReferenceLibrary library;

    ChapterAssembler(ScriptureText scripture, ReferenceLibrary library) {
        this.scripture = scripture;
        this.library = library;
    }

    ChapterView assemble(BookLayout book, int chapter, List<TranslationInfo> translations, boolean strongs) {
        Function<String, String> glosses = strongs ? number -> library.gloss(number).orElse("") : null;
        int verses = book.verseCount(chapter);
        List<List<ChapterView.Cell>> cells = new ArrayList<>();
        List<ChapterView.Column> columns = new ArrayList<>();
        for (TranslationInfo t : translations) {
            List<ChapterView.Footnote> footnotes = new ArrayList<>();
            List<ChapterView.Cell> column = new ArrayList<>(verses);
            for (int v = 1; v <= verses; v++) {
                Optional<VerseContent> content = scripture.verse(t.id(), VerseRef.of(book.osisId(), chapter, v));
                if (content.isEmpty() || content.get().isEmpty()) {
                    column.add(new ChapterView.Cell("", ""));
                    continue;
                }
                StringBuilder html = new StringBuilder(VerseHtml.render(content.get(), glosses));
                for (Note note : content.get().notes()) {
                    int number = footnotes.size() + 1;
                    String id = "fn-" + t.id() + "-" + number;
                    footnotes.add(new ChapterView.Footnote(id, number, v,
                            note.kind() == Note.Kind.CROSS_REFERENCE ? "cross-reference" : "note", note.text()));
                    html.append("<sup class=\"fn\"><a href=\"#").append(id).append("\" id=\"r").append(id)
                            .append("\" aria-label=\"note ").append(number).append("\">").append(number).append("</a></sup>");
                }
                column.add(new ChapterView.Cell(html.toString(), content.get().title()));
            }
            cells.add(column);
            columns.add(new ChapterView.Column(t.id(), t.name(), t.language(), Books.name(book.osisId(), t.language()),
                    List.copyOf(footnotes)));
        }
        List<ChapterView.Row> rows = new ArrayList<>(verses);
        for (int v = 1; v <= verses; v++) {
            List<ChapterView.Cell> row = new ArrayList<>(cells.size());
            for (List<ChapterView.Cell> column : cells) row.add(column.get(v - 1));
            rows.add(new ChapterView.Row(v, VerseRef.of(book.osisId(), chapter, v).osis(), row));
        }
        String language = translations.getFirst().language();
        return new ChapterView(book.osisId(), Books.name(book.osisId(), language), chapter, book.chapterCount(), columns,
                rows, previous(book, chapter, language), next(book, chapter, language));
    }

    private static Optional<ChapterView.Place> previous(BookLayout book, int chapter, String language) {
        if (chapter > 1) return Optional.of(place(book, chapter - 1, language));
        return Books.neighbour(book.osisId(), -1).map(b -> place(b, b.chapterCount(), language));
    }

    private static Optional<ChapterView.Place> next(BookLayout book, int chapter, String language) {
        if (chapter < book.chapterCount()) return Optional.of(place(book, chapter + 1, language));
        return Books.neighbour(book.osisId(), 1).map(b -> place(b, 1, language));
    }

    private static ChapterView.Place place(BookLayout book, int chapter, String language) {
        return new ChapterView.Place(book.osisId(), Books.name(book.osisId(), language), chapter);
    }
}
