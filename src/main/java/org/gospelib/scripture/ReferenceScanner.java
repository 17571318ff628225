package org.gospelib.scripture;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One run of {@link ReferenceParser} over one text: a hand-written scanner that walks the text
 * once, left to right, without regular expressions or backtracking beyond a few characters.
 * Failures are recorded in fields rather than thrown, so lenient parsing of free text, where
 * most words are not references, stays cheap; strict parsing throws the first one.
 *
 * <p>Grammar, informally:
 * <pre>
 * list   = item { (";" | ",") item }
 * item   = point [ ("ff" | "f" | "ss" | "s") ] | point dash point
 * point  = book [ number [ (":" | ".") number | "title" ] ] | number [ (":" | ".") number ]
 * </pre>
 * A point without a book takes it from the context: the start of its range, or the item before.
 */
final class ReferenceScanner {

    private static final int BOOK = 0;
    private static final int CHAPTER = 1;
    private static final int VERSE = 2;
    private static final OsisRange.Granularity[] GRANULARITY = OsisRange.Granularity.values();

    /** Results of {@link #point}. */
    private static final int OK = 0;
    private static final int NOTHING = 1;
    private static final int NOT_A_BOOK = 2;
    private static final int FAILED = 3;

    /** Numbers stop growing here: any larger chapter or verse is as wrong, and cannot overflow. */
    private static final int NUMBER_CAP = 1_000_000;

    /** One end of a range as written, before widening. */
    private static final class Point {
        int book;
        int chapter;
        int verse;
        int level;
        /** Last verse implied by an {@code ff}/{@code f} suffix, or -1. */
        int lastVerse;
    }

    private final ReferenceParser parser;
    private final BookNameMatcher matcher;
    private final String s;
    private final int n;
    private final boolean lenient;
    private final BookNameMatcher.Match match = new BookNameMatcher.Match();
    /** For looking ahead without disturbing {@link #match}. */
    private final BookNameMatcher.Match probe = new BookNameMatcher.Match();
    private final Point start = new Point();
    private final Point end = new Point();
    private int pos;

    /** What a point without a book refers to: the end of the previous item. */
    private int contextBook = -1;
    private int contextChapter;
    private int contextLevel;

    private int errorStart;
    private int errorEnd;
    private String errorReason;
    private ReferenceParseException.Kind errorKind = ReferenceParseException.Kind.NOT_UNDERSTOOD;

    private final List<RangeOccurrence> occurrences = new ArrayList<>(4);
    /** What was assumed while reading the current item; null while nothing was. */
    private List<String> notes;
    private List<UnparsedPart> unparsed = List.of();

    ReferenceScanner(ReferenceParser parser, String text, boolean lenient) {
        this.parser = parser;
        this.matcher = parser.names().matcher();
        this.s = TextChars.narrow(text);
        this.n = this.s.length();
        this.lenient = lenient;
    }

    ParsedReference run() {
        if (n > ReferenceParser.MAX_INPUT_LENGTH) {
            int limit = ReferenceParser.MAX_INPUT_LENGTH;
            throw new ReferenceParseException(s, limit, s.substring(limit),
                    "the text is longer than " + limit + " characters");
        }
        char separator = ';';
        int junkStart = -1;
        pos = 0;
        while (true) {
            pos = skipSpaces(pos);
            // an opening bracket or quote before a reference: "(John 3:16)", "«Jn 3,16»"
            while (pos < n && OPENING.indexOf(s.charAt(pos)) >= 0) pos = skipSpaces(pos + 1);
            while (pos < n && TextChars.isListSeparator(s.charAt(pos))) {
                separator = s.charAt(pos);
                pos = skipSpaces(pos + 1);
            }
            if (pos >= n) break;
            int itemStart = pos;
            if (item(separator)) {
                if (junkStart >= 0) {
                    addUnparsed(junkStart, itemStart);
                    junkStart = -1;
                }
                int next = skipSpaces(pos);
                if (next >= n || isFinalFullStop(next)) break;
                char c = s.charAt(next);
                if (TextChars.isListSeparator(c)) {
                    separator = c;
                    pos = next + 1;
                    continue;
                }
                int afterAnd = Connectors.listWordEnd(s, next);
                if (afterAnd > 0 && continuesWithReference(afterAnd)) {
                    // "Rom 8:28 and 29", "Juan 3:16 y 17": a list, as with a comma
                    separator = ',';
                    pos = afterAnd;
                    continue;
                }
                if (!lenient) throw error(next, tokenEnd(next), quote(next, tokenEnd(next)) + " is not understood");
                // free text may run one reference into the next ("John 3:16 Rom 8"), but a bare
                // number there is prose, not a continuation
                forgetContext();
                separator = ';';
                pos = next;
            } else {
                if (!lenient) throw error(errorStart, errorEnd, errorReason, errorKind);
                if (junkStart < 0) junkStart = itemStart;
                forgetContext();
                separator = ';';
                pos = nextWordStart(itemStart);
            }
        }
        if (junkStart >= 0) addUnparsed(junkStart, n);
        if (lenient && !unparsed.isEmpty()) setBareBooksAside();
        if (!lenient && occurrences.isEmpty()) throw error(0, n, "no reference found");
        return new ParsedReference(distinctRanges(), occurrences, unparsed);
    }

    /** Reads one list item at {@link #pos} and records its range; false (error set) if it cannot. */
    private boolean item(char separator) {
        int itemStart = pos;
        notes = null;
        int read = point(start, separator, null);
        if (read != OK) {
            if (read == NOTHING) {
                int to = tokenEnd(itemStart);
                fail(itemStart, to, quote(itemStart, to) + " is not understood");
            }
            return false;
        }
        int itemEnd = pos;
        boolean range = false;
        if (start.lastVerse < 0) {
            int dash = skipSpaces(pos);
            int dashEnd = dash < n && TextChars.isDash(s.charAt(dash)) ? dash + 1 : Connectors.rangeWordEnd(s, dash);
            if (dashEnd > 0 && (dashEnd == dash + 1 || continuesWithReference(dashEnd))) {
                pos = skipSpaces(dashEnd);
                int readEnd = pos < n ? point(end, '-', start) : NOTHING;
                if (readEnd == OK) {
                    range = true;
                    itemEnd = pos;
                } else if (readEnd == FAILED || (readEnd == NOT_A_BOOK && !lenient)) {
                    return false;
                } else if (!lenient) {
                    return fail(dash, dashEnd, quote(dash, dashEnd) + " is not followed by a reference");
                } else {
                    // in prose a dash followed by words is punctuation, not a range
                    pos = itemEnd;
                }
            }
        }
        if (lenient && !range && start.level == BOOK && !endsBareBook(itemEnd)) {
            return fail(itemStart, itemEnd, quote(itemStart, itemEnd) + " is followed by words");
        }
        OsisRange built = range ? buildRange(itemStart, itemEnd) : buildSingle();
        if (built == null) return false;
        if (occurrences.size() == ReferenceParser.MAX_RANGES) {
            throw new ReferenceParseException(s, itemStart, s.substring(itemStart, itemEnd),
                    "more than " + ReferenceParser.MAX_RANGES + " ranges");
        }
        // "we read Genesis." links "Genesis", not the sentence's full stop
        int textEnd = !range && start.level == BOOK && s.charAt(itemEnd - 1) == '.' ? itemEnd - 1 : itemEnd;
        occurrences.add(new RangeOccurrence(built, s.substring(itemStart, textEnd), itemStart,
                notes == null ? List.of() : notes));
        Point last = range ? end : start;
        contextBook = last.book;
        contextChapter = last.chapter;
        contextLevel = last.level;
        return true;
    }

    /**
     * Punctuation with nothing after it ends the sentence or closes a bracket, not a reference:
     * {@code John 3:16.}, {@code (John 3:16)}, {@code John 3:16!}.
     */
    private boolean isFinalFullStop(int at) {
        for (int p = at; p < n; p++) {
            char c = s.charAt(p);
            if (!TextChars.isSpace(c) && CLOSING.indexOf(c) < 0) return false;
        }
        return true;
    }

    private static final String OPENING = "([{\"'\u201C\u2018\u00AB\u00BF\u00A1";
    private static final String CLOSING = ".)]}!?\"'\u201D\u2019\u00BB";

    /**
     * Whether a bare book name in prose stands alone: followed by the end, a list separator or
     * punctuation, or by its own full stop. "Mark my words" is not a reference.
     */
    private boolean endsBareBook(int itemEnd) {
        if (s.charAt(itemEnd - 1) == '.') return true;
        int next = skipSpaces(itemEnd);
        return next >= n || !TextChars.isLetterOrDigit(s.charAt(next));
    }

    /**
     * Reads a point at {@link #pos} into {@code p}.
     *
     * @param separator    the list separator before the item, which decides what a lone number is
     * @param rangeStart   the start of the range when reading its end, else null
     * @return {@link #OK}, {@link #NOTHING} (no book or number here), {@link #NOT_A_BOOK} or
     *         {@link #FAILED} (error set for both)
     */
    private int point(Point p, char separator, Point rangeStart) {
        int from = pos;
        p.lastVerse = -1;
        int found = matcher.match(s, from, match);
        if (found == BookNameMatcher.NOT_A_BOOK && (Connectors.chapterWordEnd(s, from) > 0 || Connectors.verseWordEnd(s, from) > 0)) {
            found = BookNameMatcher.NONE; // "chapter 2", "verse 18": numbers of the book read before
        } else if (found != BookNameMatcher.FOUND && misspelledName(from)) {
            found = BookNameMatcher.FOUND;
        }
        if (found == BookNameMatcher.FOUND) {
            int book = match.book;
            if (match.renumbered) {
                note("read " + quote(from, match.end) + " as " + parser.names().englishName(book)
                        + " (another numbering of the books)");
            }
            if (parser.layout(book) == null) {
                fail(from, match.end, parser.names().englishName(book) + " is not in the "
                        + parser.versification().name() + " versification");
                return FAILED;
            }
            p.book = book;
            int afterName = match.end < n && s.charAt(match.end) == '.' ? match.end + 1 : match.end;
            int number = skipSpaces(afterName);
            int chapterWord = Connectors.chapterWordEnd(s, number);
            if (chapterWord > 0) number = chapterWord;
            // "Jude vv. 17-18", "3 John v 5": a single-chapter book's numbers are verses anyway
            else if (parser.layout(book).chapterCount() == 1 && Connectors.verseWordEnd(s, number) > 0) {
                number = Connectors.verseWordEnd(s, number);
            }
            if (number < n && TextChars.isDigit(s.charAt(number))) {
                pos = number;
                return numbers(p, true, separator, rangeStart);
            }
            int roman = romanChapter(p, number);
            if (roman != NOTHING) return roman;
            p.level = BOOK;
            p.chapter = 0;
            p.verse = 0;
            pos = afterName;
            return OK;
        }
        if (found == BookNameMatcher.NOT_A_BOOK) {
            fail(from, match.failEnd, quote(from, match.failEnd) + " is not a book name");
            return NOT_A_BOOK;
        }
        if (!TextChars.isDigit(s.charAt(from))) {
            // "Titus 1:1, chapter 2", "John 3:16, verse 18": a number named for what it is
            int chapterWord = Connectors.chapterWordEnd(s, from);
            int verseWordEnd = chapterWord > 0 ? -1 : Connectors.verseWordEnd(s, from);
            int book = rangeStart != null ? rangeStart.book : contextBook;
            if ((chapterWord < 0 && verseWordEnd < 0) || book < 0) return NOTHING;
            pos = chapterWord > 0 ? chapterWord : verseWordEnd;
            p.book = book;
            if (chapterWord > 0) return numbers(p, true, separator, rangeStart);
            return verseInContext(p, rangeStart);
        }
        int book = rangeStart != null ? rangeStart.book : contextBook;
        if (book < 0) {
            if (match.failEnd > from) {
                fail(from, match.failEnd, quote(from, match.failEnd) + " is not a book name");
            } else {
                int to = numberEnd(from);
                fail(from, to, "no book is named before " + quote(from, to));
            }
            return FAILED;
        }
        p.book = book;
        return numbers(p, false, separator, rangeStart);
    }

    /** Reads {@code n}, {@code n:m}, {@code n title}, {@code n ff} after a book or in context. */
    private int numbers(Point p, boolean afterBookName, char separator, Point rangeStart) {
        BookLayout layout = parser.layout(p.book);
        int firstStart = pos;
        int first = number();
        int firstEnd = pos;
        int verseStart = chapterVerseSeparator(pos);
        if (verseStart < 0 && afterBookName && layout.chapterCount() > 1) {
            // in OSIS ("Deut.8,2Pet.1.10") the comma always separates ranges
            boolean osisStyle = firstStart > 0 && s.charAt(firstStart - 1) == '.';
            if (!osisStyle) verseStart = europeanComma(pos);
            if (verseStart < 0) verseStart = verseWordAfterChapter(pos);
        }
        if (verseStart >= 0) {
            pos = verseStart;
            int verse = number();
            int verseEnd = pos;
            versePart();
            if (!checkChapter(p.book, first, firstStart, firstEnd)) return FAILED;
            if (!checkVerse(p.book, first, verse, verseStart, verseEnd)) return FAILED;
            p.chapter = first;
            p.verse = verse;
            p.level = VERSE;
            if (rangeStart == null) following(p);
            return OK;
        }
        boolean singleChapter = layout.chapterCount() == 1;
        boolean isVerse;
        if (singleChapter) isVerse = true;
        else if (afterBookName) isVerse = false;
        else if (rangeStart != null) isVerse = rangeStart.level == VERSE;
        else isVerse = separator == ',' && contextLevel == VERSE;
        if (isVerse) {
            int chapter = singleChapter ? 1 : rangeStart != null ? rangeStart.chapter : contextChapter;
            versePart();
            if (!checkVerse(p.book, chapter, first, firstStart, firstEnd)) return FAILED;
            p.chapter = chapter;
            p.verse = first;
            p.level = VERSE;
            if (rangeStart == null) following(p);
            return OK;
        }
        if (!checkChapter(p.book, first, firstStart, firstEnd)) return FAILED;
        p.chapter = first;
        p.verse = 0;
        p.level = CHAPTER;
        int titleEnd = titleWordEnd(pos);
        if (titleEnd > 0) {
            if (!parser.isPsalms(p.book)) {
                int word = skipSpaces(pos);
                fail(word, titleEnd, "only psalms have a " + quote(word, titleEnd));
                return FAILED;
            }
            p.level = VERSE;
            pos = titleEnd;
        }
        return OK;
    }

    /**
     * A verse named by a word, in the context's chapter: {@code verse 18} after {@code John 3:16},
     * {@code vv. 16-18} after {@code John 3}.
     */
    private int verseInContext(Point p, Point rangeStart) {
        BookLayout layout = parser.layout(p.book);
        int chapter = layout.chapterCount() == 1 ? 1 : rangeStart != null ? rangeStart.chapter : contextChapter;
        if (chapter < 1) return NOTHING;
        return verseAt(p, chapter, rangeStart == null);
    }

    /** Reads the verse number at {@link #pos} (and a verse part after it) as a verse of {@code chapter}. */
    private int verseAt(Point p, int chapter, boolean mayFollow) {
        int verseStart = pos;
        int verse = number();
        int verseEnd = pos;
        versePart();
        if (!checkVerse(p.book, chapter, verse, verseStart, verseEnd)) return FAILED;
        p.chapter = chapter;
        p.verse = verse;
        p.level = VERSE;
        if (mayFollow) following(p);
        return OK;
    }

    /**
     * {@code John iii. 16}, {@code Ps xxiii}: a chapter in Roman numerals, as older books cite.
     * Only right after a book's name, and only where a verse number or the end follows, so that
     * "Mark I said" stays prose.
     */
    private int romanChapter(Point p, int at) {
        int end = Connectors.romanEnd(s, at);
        if (end < 0) return NOTHING;
        int chapter = Connectors.romanValue(s, at, end);
        int after = end < n && s.charAt(end) == '.' ? end + 1 : end;
        int next = skipSpaces(after);
        if (next < n && (s.charAt(next) == ':' || s.charAt(next) == ',')) next = skipSpaces(next + 1);
        boolean verseFollows = next < n && TextChars.isDigit(s.charAt(next));
        // without a verse, only where the text is nothing but references, and never a lone "I"
        // ("Here am I", "Is it I?" are questions, not Amos 1 and Isaiah 1)
        boolean ends = !lenient && end - at > 1 && (next >= n || TextChars.isListSeparator(s.charAt(next)));
        if (chapter <= 0 || (!verseFollows && !ends)) return NOTHING;
        if (!checkChapter(p.book, chapter, at, end)) return FAILED;
        p.chapter = chapter;
        if (!verseFollows) {
            p.verse = 0;
            p.level = CHAPTER;
            pos = after;
            return OK;
        }
        pos = next;
        return verseAt(p, chapter, true);
    }

    /** {@code Jn 3,16}: a comma with digits on both sides, right after a book and chapter, joins chapter and verse. */
    private int europeanComma(int at) {
        if (at + 1 >= n || s.charAt(at) != ',' || !TextChars.isDigit(s.charAt(at + 1))) return -1;
        int end = at + 1;
        while (end < n && TextChars.isDigit(s.charAt(end))) end++;
        // "3,2Pet": the digits begin a numbered book's name, not a verse
        if (end < n && TextChars.isWordChar(s.charAt(end))) {
            char c = TextChars.fold(s.charAt(end));
            boolean versePart = (c == 'a' || c == 'b' || c == 'c') && (end + 1 >= n || !TextChars.isWordChar(s.charAt(end + 1)));
            if (!versePart) return -1;
        }
        return at + 1;
    }

    /** {@code John 3 v 16}, {@code John 3, verses 16-18}, {@code Juan 3 versículo 16}: where the verse number starts, or -1. */
    private int verseWordAfterChapter(int at) {
        int word = skipSpaces(at);
        if (word < n && s.charAt(word) == ',') word = skipSpaces(word + 1);
        return Connectors.verseWordEnd(s, word);
    }

    /** {@code 23:1a}, {@code 16b}: a part of a verse is read as the whole verse, and the reader told. */
    private void versePart() {
        if (pos >= n) return;
        char c = TextChars.fold(s.charAt(pos));
        if ((c != 'a' && c != 'b' && c != 'c') || (pos + 1 < n && TextChars.isWordChar(s.charAt(pos + 1)))) return;
        note("read the part of the verse " + quote(pos - 1, pos + 1) + " as the whole verse");
        pos++;
    }

    /**
     * A misspelled book name followed by a chapter ({@code Genisis 1:1}): read as the one book it
     * can only have meant (see {@link FuzzyBookNames}), and noted. Sets {@link #match} when it does.
     */
    private boolean misspelledName(int from) {
        int end = match.failEnd;
        if (end <= from || !TextChars.isWordChar(s.charAt(from)) && !TextChars.isDigit(s.charAt(from))) return false;
        int next = end < n && s.charAt(end) == '.' ? end + 1 : end;
        next = skipSpaces(next);
        // followed by a chapter; or, when nothing but the name was given to read, the name alone
        boolean chapterFollows = next < n && TextChars.isDigit(s.charAt(next));
        boolean nameAlone = !lenient && from == firstNonSpace() && isFinalFullStopOrEnd(next);
        if (!chapterFollows && !nameAlone) return false;
        String key;
        try {
            key = BookNameMatcher.keyOf(s.substring(from, end));
        } catch (IllegalArgumentException notAName) {
            return false;
        }
        int book = parser.names().fuzzy().book(key);
        if (book < 0) return false;
        match.book = book;
        match.end = end;
        match.renumbered = false;
        note("read " + quote(from, end) + " as " + parser.names().englishName(book));
        return true;
    }

    private int firstNonSpace() {
        int p = skipSpaces(0);
        while (p < n && OPENING.indexOf(s.charAt(p)) >= 0) p = skipSpaces(p + 1);
        return p;
    }

    private boolean isFinalFullStopOrEnd(int at) {
        return at >= n || isFinalFullStop(at);
    }

    /** Whether a reference (a number, or a book's name) starts at or after {@code at}. */
    private boolean continuesWithReference(int at) {
        int next = skipSpaces(at);
        if (next >= n) return false;
        if (TextChars.isDigit(s.charAt(next))) return true;
        return TextChars.isWordChar(s.charAt(next)) && matcher.match(s, next, probe) == BookNameMatcher.FOUND;
    }

    private void note(String text) {
        if (notes == null) notes = new ArrayList<>(1);
        notes.add(text);
    }

    /** Reads an {@code ff}/{@code f} (or Spanish {@code ss}/{@code s}) after a verse. */
    private void following(Point p) {
        int word = skipSpaces(pos);
        int wordEnd = BookNameMatcher.wordEnd(s, word);
        int length = wordEnd - word;
        if (length == 0 || length > 2) return;
        char c = TextChars.fold(s.charAt(word));
        if ((c != 'f' && c != 's') || (length == 2 && TextChars.fold(s.charAt(word + 1)) != c)) return;
        int verses = parser.layout(p.book).verseCount(p.chapter);
        p.lastVerse = length == 2 ? verses : Math.min(p.verse + 1, verses);
        pos = wordEnd < n && s.charAt(wordEnd) == '.' ? wordEnd + 1 : wordEnd;
    }

    /** End of a "title"/"título" word after a chapter number, or -1. */
    private int titleWordEnd(int from) {
        int word = skipSpaces(from);
        int wordEnd = BookNameMatcher.wordEnd(s, word);
        int length = wordEnd - word;
        if (length == 5 && foldedEquals(word, "title")) return wordEnd;
        if (length == 6 && foldedEquals(word, "titulo")) return wordEnd;
        return -1;
    }

    private boolean foldedEquals(int from, String folded) {
        for (int i = 0; i < folded.length(); i++) {
            if (TextChars.fold(s.charAt(from + i)) != folded.charAt(i)) return false;
        }
        return true;
    }

    /** Where the verse number starts after {@code :} or {@code .}, or -1 if none follows. */
    private int chapterVerseSeparator(int at) {
        if (at >= n) return -1;
        int colon = skipSpaces(at);
        if (colon < n && s.charAt(colon) == ':') at = colon; // "John 3 : 16"
        char c = s.charAt(at);
        if (c == ':') {
            int digit = skipSpaces(at + 1);
            return digit < n && TextChars.isDigit(s.charAt(digit)) ? digit : -1;
        }
        // no spaces after a full stop: in "John 3. 16 people" the stop ends a sentence
        if (c == '.' && at + 1 < n && TextChars.isDigit(s.charAt(at + 1))) return at + 1;
        return -1;
    }

    private int number() {
        int value = 0;
        while (pos < n) {
            char c = s.charAt(pos);
            if (!TextChars.isDigit(c)) break;
            if (value < NUMBER_CAP) value = value * 10 + (c - '0');
            pos++;
        }
        return value;
    }

    private boolean checkChapter(int book, int chapter, int from, int to) {
        int chapters = parser.layout(book).chapterCount();
        if (chapter >= 1 && chapter <= chapters) return true;
        String name = parser.names().englishName(book);
        return outOfRange(from, to, chapter == 0
                ? "there is no chapter 0 in " + name
                : name + " has " + chapters + (chapters == 1 ? " chapter" : " chapters"));
    }

    private boolean checkVerse(int book, int chapter, int verse, int from, int to) {
        BookLayout layout = parser.layout(book);
        int verses = layout.verseCount(chapter);
        if (verse == 0) {
            return parser.isPsalms(book) || fail(from, to, "verse 0 is a psalm title, and only psalms have one");
        }
        if (verse <= verses) return true;
        String place = parser.names().englishName(book) + (layout.chapterCount() == 1 ? "" : " " + chapter);
        return outOfRange(from, to, place + " has " + verses + (verses == 1 ? " verse" : " verses"));
    }

    private OsisRange buildSingle() {
        String book = parser.names().osisId(start.book);
        if (start.lastVerse >= 0 && start.lastVerse != start.verse) {
            return new OsisRange(OsisRange.Granularity.VERSE,
                    new OsisRange.Point(book, start.chapter, start.verse),
                    new OsisRange.Point(book, start.chapter, start.lastVerse));
        }
        OsisRange.Point point = new OsisRange.Point(book, start.chapter, start.verse);
        return new OsisRange(GRANULARITY[start.level], point, point);
    }

    /**
     * Joins the two ends at the finer of their granularities, widening the coarser end: a start
     * to its first chapter or verse, an end to its last. A single-chapter book has no chapter
     * form the parser reads back (its lone numbers are verses), so there chapters become verses.
     */
    private OsisRange buildRange(int itemStart, int itemEnd) {
        int level = Math.max(start.level, end.level);
        if (level == CHAPTER && (isSingleChapter(start.book) || isSingleChapter(end.book))) level = VERSE;
        BookLayout endLayout = parser.layout(end.book);
        int startChapter = level == BOOK ? 0 : start.level >= CHAPTER ? start.chapter : 1;
        int startVerse = level != VERSE ? 0 : start.level == VERSE ? start.verse : 1;
        int endChapter = level == BOOK ? 0 : end.level >= CHAPTER ? end.chapter : endLayout.chapterCount();
        int endVerse = level != VERSE ? 0 : end.level == VERSE ? end.verse : endLayout.verseCount(endChapter);
        int byBook = Integer.compare(parser.order(start.book), parser.order(end.book));
        int byPlace = byBook != 0 ? byBook
                : startChapter != endChapter ? Integer.compare(startChapter, endChapter)
                : Integer.compare(startVerse, endVerse);
        if (byPlace > 0) {
            fail(itemStart, itemEnd, quote(itemStart, itemEnd) + " ends before it starts");
            return null;
        }
        OsisRange.Point first = new OsisRange.Point(parser.names().osisId(start.book), startChapter, startVerse);
        OsisRange.Point last = byPlace == 0 ? first
                : new OsisRange.Point(parser.names().osisId(end.book), endChapter, endVerse);
        return new OsisRange(GRANULARITY[level], first, last);
    }

    private boolean isSingleChapter(int book) {
        return parser.layout(book).chapterCount() == 1;
    }

    /**
     * Book names that in prose can only be the book: no one is called Genesis. Names of people
     * (Dan, Job, Mark), of peoples (Galatians, Romans), words (Numbers, Judges, Acts, psalms,
     * revelation), abbreviations and beginnings of names ("he", "am", "is") are not here.
     */
    private static final java.util.Set<String> PROSE_BOOK_NAMES = java.util.Set.of(
            "genesis", "exodus", "leviticus", "deuteronomy", "ecclesiastes", "songofsolomon", "songofsongs",
            "exodo", "levitico", "deuteronomio", "eclesiastes", "cantardeloscantares", "apocalipsis");
    /** And those that are the book once numbered: "1 Corinthians", "2 Kings", "1 Juan". */
    private static final java.util.Set<String> NUMBERED_PROSE_BOOK_NAMES = java.util.Set.of(
            "corinthians", "thessalonians", "chronicles", "kings", "samuel", "timothy", "peter", "john", "maccabees",
            "corintios", "tesalonicenses", "cronicas", "reyes", "timoteo", "pedro", "juan", "macabeos");

    /**
     * In prose, a book's name without a chapter is a person or a word far more often than a
     * reference ("so did he", "here am I", "called his name Dan", "Job answered"): there, only
     * names with numbers count, and the few names that can mean nothing but the book
     * ({@link #PROSE_BOOK_NAMES}). A text made of nothing but references ("Mark; Acts", "Genesis -
     * Exodus") keeps its whole books. What is set aside is reported as not understood.
     */
    private void setBareBooksAside() {
        boolean any = false;
        for (int i = occurrences.size() - 1; i >= 0; i--) {
            RangeOccurrence occurrence = occurrences.get(i);
            if (occurrence.range().granularity() != OsisRange.Granularity.BOOK) continue;
            String letters = foldedLetters(occurrence.text());
            boolean numbered = TextChars.isDigit(occurrence.text().charAt(0));
            if (PROSE_BOOK_NAMES.contains(letters) || (numbered && NUMBERED_PROSE_BOOK_NAMES.contains(letters))) continue;
            occurrences.remove(i);
            unparsed.add(new UnparsedPart(occurrence.text(), occurrence.offset()));
            any = true;
        }
        if (any) unparsed.sort(java.util.Comparator.comparingInt(UnparsedPart::offset));
    }

    /** The letters of a name, folded, without its ordinal, spaces or stops: "1 Corinthians." → "corinthians". */
    private static String foldedLetters(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int start = 0;
        if (!text.isEmpty() && TextChars.isDigit(text.charAt(0))) start = 1;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (TextChars.isWordChar(c) && !TextChars.isCombiningMark(c)) out.append(TextChars.fold(c));
        }
        return out.toString();
    }

    private List<OsisRange> distinctRanges() {
        int count = occurrences.size();
        List<OsisRange> ranges = new ArrayList<>(count);
        if (count <= 8) {
            for (RangeOccurrence occurrence : occurrences) {
                if (!ranges.contains(occurrence.range())) ranges.add(occurrence.range());
            }
            return ranges;
        }
        Set<OsisRange> seen = new HashSet<>();
        for (RangeOccurrence occurrence : occurrences) {
            if (seen.add(occurrence.range())) ranges.add(occurrence.range());
        }
        return ranges;
    }

    private void forgetContext() {
        contextBook = -1;
        contextChapter = 0;
        contextLevel = BOOK;
    }

    private void addUnparsed(int from, int to) {
        int a = from;
        int b = to;
        while (a < b && (TextChars.isSpace(s.charAt(a)) || TextChars.isListSeparator(s.charAt(a)))) a++;
        while (b > a && (TextChars.isSpace(s.charAt(b - 1)) || TextChars.isListSeparator(s.charAt(b - 1)))) b--;
        if (a == b) return;
        if (unparsed.isEmpty()) unparsed = new ArrayList<>(2);
        unparsed.add(new UnparsedPart(s.substring(a, b), a));
    }

    /** The next position after {@code from} where a word or number begins. */
    private int nextWordStart(int from) {
        int p = from + 1;
        while (p < n && !(TextChars.isLetterOrDigit(s.charAt(p)) && !TextChars.isLetterOrDigit(s.charAt(p - 1)))) p++;
        return p;
    }

    private int skipSpaces(int from) {
        int p = from;
        while (p < n && TextChars.isSpace(s.charAt(p))) p++;
        return p;
    }

    /** End of the token at {@code from}: up to a space or list separator, at least one char. */
    private int tokenEnd(int from) {
        int p = from + 1;
        while (p < n && !TextChars.isSpace(s.charAt(p)) && !TextChars.isListSeparator(s.charAt(p))) p++;
        return p;
    }

    /** End of a number with its verse: {@code 3:16} in {@code "3:16 and"}. */
    private int numberEnd(int from) {
        int p = from;
        while (p < n && (TextChars.isDigit(s.charAt(p)) || s.charAt(p) == ':' || s.charAt(p) == '.')) p++;
        while (p > from + 1 && !TextChars.isDigit(s.charAt(p - 1))) p--;
        return p;
    }

    private String quote(int from, int to) {
        return '"' + s.substring(from, to) + '"';
    }

    /** Records a failure; returns false so that checks can {@code return fail(...)}. */
    private boolean fail(int from, int to, String reason) {
        errorStart = from;
        errorEnd = to;
        errorReason = reason;
        errorKind = ReferenceParseException.Kind.NOT_UNDERSTOOD;
        return false;
    }

    private boolean outOfRange(int from, int to, String reason) {
        fail(from, to, reason);
        errorKind = ReferenceParseException.Kind.OUT_OF_RANGE;
        return false;
    }

    private ReferenceParseException error(int from, int to, String reason) {
        return error(from, to, reason, ReferenceParseException.Kind.NOT_UNDERSTOOD);
    }

    private ReferenceParseException error(int from, int to, String reason, ReferenceParseException.Kind kind) {
        return new ReferenceParseException(s, from, s.substring(from, to), reason, kind);
    }
}
