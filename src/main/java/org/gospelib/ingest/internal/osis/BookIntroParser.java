package org.gospelib.ingest.internal.osis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a book's names from its introduction entry ({@code Book 0:0}).
 *
 * <p>Such an entry does not always hold just that book: the WEB module puts its preface before
 * Genesis' opening {@code <div type="book">} in {@code Genesis 0:0}, and, having no slot for
 * Greek Daniel in its versification, stores that whole book ({@code osisID="DanGr"}) in
 * {@code Hosea 0:0}, where Hosea's own opening is missing. So titles are taken only from the part
 * of the entry that belongs to the requested book: from its opening {@code div} up to the next
 * book's. An entry with no book division at all is taken whole; an entry whose book divisions
 * are all other books gives no titles. {@link #books(String)} tells which books an entry opens,
 * so a caller can notice displaced content.
 */
public final class BookIntroParser {

    private BookIntroParser() {
    }

    /**
     * The titles of {@code osisBook} found in an introduction entry.
     *
     * @param markup   the {@code Book 0:0} entry
     * @param osisBook the book the entry is expected to introduce
     */
    public static BookTitles parse(String markup, String osisBook) {
        List<OsisToken> tokens = OsisScanner.scan(markup);
        int from = -1;
        boolean anyBook = false;
        for (int i = 0; i < tokens.size() && from < 0; i++) {
            if (opensBook(tokens.get(i))) {
                anyBook = true;
                if (osisIds((OsisToken.Tag) tokens.get(i)).contains(osisBook)) from = i + 1;
            }
        }
        if (from < 0) {
            if (anyBook) return BookTitles.none(osisBook);
            from = 0;
        }
        int to = tokens.size();
        for (int i = from; i < tokens.size(); i++) {
            if (opensBook(tokens.get(i))) {
                to = i;
                break;
            }
        }
        return titles(osisBook, tokens.subList(from, to));
    }

    /** OSIS ids of the books whose opening division the entry contains, in order. */
    public static List<String> books(String markup) {
        List<String> books = new ArrayList<>();
        for (OsisToken token : OsisScanner.scan(markup)) {
            if (opensBook(token)) books.addAll(osisIds((OsisToken.Tag) token));
        }
        return books;
    }

    private static boolean opensBook(OsisToken token) {
        return token instanceof OsisToken.Tag tag && tag.is("div") && tag.attrIs("type", "book")
                && (tag.has("sid") || tag.isStart()) && !tag.has("eid");
    }

    private static List<String> osisIds(OsisToken.Tag tag) {
        String ids = tag.attr("osisid").trim();
        return ids.isEmpty() ? List.of() : List.of(ids.split("\\s+"));
    }

    private static BookTitles titles(String book, List<OsisToken> tokens) {
        Optional<String> shortName = Optional.empty();
        Optional<String> longName = Optional.empty();
        Optional<String> shortTocName = Optional.empty();
        Optional<String> abbreviation = Optional.empty();
        List<String> main = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (!(tokens.get(i) instanceof OsisToken.Tag tag)) continue;
            if (tag.is("milestone")) {
                Optional<String> n = clean(tag.attr("n"));
                switch (tag.attr("type").toLowerCase(Locale.ROOT)) {
                    case "x-usfm-h" -> shortName = shortName.or(() -> n);
                    case "x-usfm-toc1" -> longName = longName.or(() -> n);
                    case "x-usfm-toc2" -> shortTocName = shortTocName.or(() -> n);
                    case "x-usfm-toc3" -> abbreviation = abbreviation.or(() -> n);
                    default -> { }
                }
            } else if (tag.is("title") && tag.isStart() && tag.attrIs("type", "main")) {
                TextAccumulator text = new TextAccumulator();
                int depth = 1;
                int inNote = 0;
                for (i = i + 1; i < tokens.size(); i++) {
                    OsisToken token = tokens.get(i);
                    if (token instanceof OsisToken.Tag t) {
                        if (t.is("title") && t.isStart()) depth++;
                        else if (t.is("title") && t.isEnd() && --depth == 0) break;
                        else if (t.is("note")) inNote += t.isStart() ? 1 : t.isEnd() && inNote > 0 ? -1 : 0;
                    } else if (inNote == 0) {
                        text.append(UsfmResidue.strip(((OsisToken.Text) token).text()));
                    }
                }
                if (!text.text().isEmpty()) main.add(text.text());
            }
        }
        Optional<String> mainTitle = main.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", main));
        return new BookTitles(book, shortName, longName, shortTocName, abbreviation, mainTitle);
    }

    private static Optional<String> clean(String value) {
        TextAccumulator text = new TextAccumulator();
        text.append(value);
        String cleaned = text.text();
        return cleaned.isEmpty() ? Optional.empty() : Optional.of(cleaned);
    }
}
