package org.gospelib.scripture;

import java.util.Objects;

/**
 * Reads scripture references as people write them, in English or Spanish, and normalises them
 * to OSIS.
 *
 * <h2>What it reads</h2>
 * <ul>
 *   <li>a whole book: {@code Jude}, {@code Genesis} → {@code Gen}; a range of books:
 *       {@code Gen - Exod}</li>
 *   <li>a chapter: {@code Rom 8} → {@code Rom.8}; chapters: {@code Rom 5-8} →
 *       {@code Rom.5-Rom.8}</li>
 *   <li>a verse: {@code John 3:16}, {@code John 3.16}, {@code Juan 3:16} →
 *       {@code John.3.16}</li>
 *   <li>verse ranges within a chapter, across chapters and across books, with a hyphen, en dash
 *       or em dash: {@code John 3:16-18}, {@code John 3:16–4:2}, {@code Matt 28:20-Mark 1:3},
 *       {@code Gen 50 - Exod 2}</li>
 *   <li>{@code ff}/{@code ss} (to the end of the chapter) and {@code f}/{@code s} (and the next
 *       verse) after a verse: {@code John 3:16ff} → {@code John.3.16-John.3.36}</li>
 *   <li>lists separated by {@code ;}, {@code ,}, {@code and}, {@code y} or {@code &}, carrying the
 *       book and chapter over: {@code John 3:16, 18; 4:1} → {@code John.3.16,John.3.18,John.4.1}.
 *       After a verse, a lone number following {@code ,} is a verse and following {@code ;} a
 *       chapter; after a chapter it is a chapter. A comma with no space right after a book's
 *       chapter joins chapter and verse, as in Europe ({@code Jn 3,16}); in OSIS it never does.</li>
 *   <li>ranges written with words: {@code to}, {@code through}, {@code thru}, {@code till},
 *       {@code until}, {@code al}, {@code a}, {@code hasta}; chapters and verses named by words
 *       ({@code John chapter 3 verse 16}, {@code John 3 vv. 16-18}, {@code Titus 1:1, chapter 2},
 *       {@code Juan capítulo 3 versículo 16}); a part of a verse ({@code Ps 23:1a}) as the whole
 *       verse; chapters in Roman numerals ({@code John iii. 16}); full-width forms; brackets,
 *       quotes and final punctuation around the reference</li>
 *   <li>names behind a title ({@code The Gospel according to Saint Matthew}, {@code The First
 *       Epistle of John}, {@code San Juan}, {@code Primer libro de las Crónicas}), other numberings
 *       of the books ({@code 3 Kings}, {@code 4 Kingdoms}, {@code 1 Paralipomenon}) and
 *       misspellings ({@code Genisis}, see {@link FuzzyBookNames}: never where two books are
 *       within reach). Each such assumption is noted on its range
 *       ({@link RangeOccurrence#notes()}).</li>
 *   <li>single-chapter books (Obadiah, Philemon, 2 John, 3 John, Jude), where a lone number is a
 *       verse: {@code Jude 5} = {@code Jude 1:5} → {@code Jude.1.5}; this holds for OSIS-style
 *       input too, so {@code Jude.1} reads as verse 1 (the whole book is {@code Jude})</li>
 *   <li>psalm titles: {@code Psalm 3 title}, {@code Ps 3:0}, {@code Salmo 3 título} →
 *       {@code Ps.3.0}</li>
 *   <li>OSIS itself: {@code John.3.16-John.3.18,Rom.8} reads back unchanged</li>
 * </ul>
 * Book names are those of {@link BookNames}. Chapters and verses are checked against the
 * versification; the default numbering is KJV, with the KJV Apocrypha (SWORD's KJVA, identical to
 * KJV for the 66 books) for deuterocanonical books.
 *
 * <h2>Output</h2>
 * A range is written with both ends in full: {@code John.3.16-John.3.18}. Ranges keep the order
 * they were written in; exact repeats are dropped, nothing else is merged. A range whose ends
 * differ in granularity is widened to the finer one ({@code John 3-4:5} →
 * {@code John.3.1-John.4.5}); because a lone number in a single-chapter book is a verse, a
 * chapter of such a book is always expressed through its verses.
 *
 * <h2>Strict and lenient</h2>
 * {@link #parse(String)} accepts a text only if all of it is understood (a final full stop is
 * allowed). {@link
 * #parseLenient(String)} returns what it understood plus the parts it did not, for finding
 * references in free text. There, a bare book name (no chapter) counts only when not followed by
 * more words, and, in a text that is not all references, only when it can name nothing but the
 * book ({@code "we read Genesis"}, but not {@code "Mark my words"} or {@code "his name was Dan."});
 * a misspelled name needs its chapter; and after text it cannot read it forgets the current book,
 * so a number after such text is not attached to an earlier book.
 *
 * <p>Input is limited to {@value #MAX_INPUT_LENGTH} characters and {@value #MAX_RANGES}
 * ranges, so that a request cannot make parsing expensive; the work is linear in the length.
 *
 * <p>Immutable and thread-safe.
 */
public final class ReferenceParser {

    /** Longest text either entry point accepts. */
    public static final int MAX_INPUT_LENGTH = 2000;
    /** Most ranges (counting repeats) one text may hold. */
    public static final int MAX_RANGES = 200;

    /** Lazy holder: the default parser is built on first use and shared. */
    private static final class Default {
        static final ReferenceParser INSTANCE =
                new ReferenceParser(Versification.named("KJVA").orElseThrow());
    }

    private final Versification versification;
    private final BookNames names;
    /** Layout of each catalogue book in the versification, null where the versification lacks it. */
    private final BookLayout[] layouts;
    /** Position of each catalogue book in the versification's order. */
    private final int[] order;
    private final int psalms;

    private ReferenceParser(Versification versification) {
        this.versification = versification;
        this.names = BookNames.standard();
        this.layouts = new BookLayout[names.size()];
        this.order = new int[names.size()];
        for (int i = 0; i < names.size(); i++) {
            String osis = names.osisId(i);
            layouts[i] = versification.book(osis).orElse(null);
            order[i] = versification.bookOrder(osis);
        }
        this.psalms = names.indexOf("Ps");
    }

    /** A parser with KJV numbering (KJVA for the deuterocanonical books). */
    public static ReferenceParser create() {
        return Default.INSTANCE;
    }

    /** A parser that checks chapters and verses against another versification. */
    public static ReferenceParser create(Versification versification) {
        return new ReferenceParser(Objects.requireNonNull(versification, "versification"));
    }

    /** The numbering chapters and verses are checked against. */
    public Versification versification() {
        return versification;
    }

    /**
     * Reads a text that must be nothing but references.
     *
     * @throws ReferenceParseException if any part is not understood, a chapter or verse does
     *                                  not exist, a range runs backwards, nothing is found, or a
     *                                  limit is exceeded
     */
    public ParsedReference parse(String text) {
        return new ReferenceScanner(this, Objects.requireNonNull(text, "text"), false).run();
    }

    /**
     * Reads the references in a text and reports what it could not read in
     * {@link ParsedReference#unparsed()}.
     *
     * @throws ReferenceParseException only if a limit is exceeded
     */
    public ParsedReference parseLenient(String text) {
        return new ReferenceScanner(this, Objects.requireNonNull(text, "text"), true).run();
    }

    BookNames names() {
        return names;
    }

    /** Null when the versification lacks the book. */
    BookLayout layout(int book) {
        return layouts[book];
    }

    int order(int book) {
        return order[book];
    }

    boolean isPsalms(int book) {
        return book == psalms;
    }

    @Override
    public String toString() {
        return "ReferenceParser[" + versification.name() + "]";
    }
}
