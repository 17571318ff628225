package org.gospelib.web.internal;

import java.util.List;
import java.util.Optional;

/**
 * A chapter laid out for the reader: one column per translation, one row per KJV-numbered verse,
 * so parallel translations line up even where their own numbering differs.
 */
record ChapterView(String book, String bookName, int chapter, int chapters, List<Column> columns, List<Row> rows,
        Optional<Place> previous, Optional<Place> next) {

    /** A translation shown, with its language for {@code lang} and the book's name in it. */
    record Column(String translation, String name, String language, String bookName, List<Footnote> footnotes) {
    }

    /** A verse in every column; a cell is empty where a translation has no such verse. */
    record Row(int verse, String osis, List<Cell> cells) {
    }

    /**
     * @param html  the verse's rendered text, escaped
     * @param title a heading the verse carries (a psalm title), or empty
     */
    record Cell(String html, String title) {
        public boolean isEmpty() {
            return html.isEmpty();
        }
    }

    /** A translator's or cross-reference note, numbered within its column. */
    record Footnote(String id, int number, int verse, String kind, String text) {
    }

    /** A chapter to link to. */
    record Place(String book, String bookName, int chapter) {
    }

    public boolean parallel() {
        return columns.size() > 1;
    }
}
