package org.gospelib.ingest.internal.osis;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.gospelib.scripture.Mark;
import org.gospelib.scripture.Note;
import org.gospelib.scripture.Segment;
import org.gospelib.scripture.VerseContent;

/**
 * Turns one verse's OSIS fragment, as a SWORD module stores it, into a {@link VerseContent}.
 *
 * <p>Reading text: the fragment's character data, whitespace collapsed to single spaces and
 * trimmed, split into segments by marks ({@code <transChange type="added">} → ADDED, {@code <q
 * who="Jesus">} or a {@code q} milestone pair → WORDS_OF_JESUS, {@code <divineName>} →
 * DIVINE_NAME) and by Strong's-tagged words ({@code <w lemma="strong:…">}, one segment per word).
 * Unknown elements keep their text.
 *
 * <p>Kept out of the reading text:
 * <ul>
 * <li>{@code <note>}: becomes a {@link Note} (translator note, or cross reference for {@code
 * type="crossReference"}, whose {@code <reference>} texts are split at semicolons); the
 * {@code <reference type="annotateRef">} prefix ("1.4 ") is dropped from the note text;</li>
 * <li>{@code <title>} (psalm titles, epistle subscriptions, acrostic headings) and
 * {@code <speaker>} (speaker labels in the Song of Songs): their plain text becomes the verse's
 * title, several joined by a space;</li>
 * <li>everything after the book's closing {@code <div type="book">} milestone, and inside a
 * non-scripture division ({@code glossary}, {@code front}, {@code back}, …): the WEB module
 * appends its whole glossary to the last verse of Revelation after the book has ended;</li>
 * <li>USFM markers left by a conversion ({@code \nd … \+nd*}), which are read as divine-name
 * marks.</li>
 * </ul>
 * Where a note, title or structural element (paragraph, line, division) is removed, the text on
 * either side is kept apart by a space unless punctuation follows (see {@link TextAccumulator}).
 *
 * <p>Fragments need not be well-formed: a closing tag with no open partner is ignored (or ends a
 * mark carried in from the previous verse), elements left open end with the fragment, and
 * anything that does not scan as a tag is text. Parsing never fails.
 */
public final class OsisVerseParser {

    private static final Set<String> BREAKS = Set.of("div", "p", "l", "lg", "lb", "list", "item", "chapter", "verse",
            "table", "row", "cell", "head", "closer", "salute", "signed", "milestone", "speaker", "title", "note");
    private static final Set<String> NON_SCRIPTURE_DIVS = Set.of("glossary", "front", "back", "titlepage", "coverpage",
            "index", "bibliography", "appendix", "preface", "acknowledgement", "dedication", "publicationdata");
    @SuppressWarnings("unchecked")
    private static final Set<Mark>[] MARK_SETS = new Set[8];

    static {
        for (int bits = 0; bits < 8; bits++) {
            EnumSet<Mark> marks = EnumSet.noneOf(Mark.class);
            if ((bits & 1) != 0) marks.add(Mark.ADDED);
            if ((bits & 2) != 0) marks.add(Mark.WORDS_OF_JESUS);
            if ((bits & 4) != 0) marks.add(Mark.DIVINE_NAME);
            MARK_SETS[bits] = Set.copyOf(marks);
        }
    }

    private OsisVerseParser() {
    }

    /** Parses a verse that starts with no marks open. */
    public static VerseContent parse(String markup) {
        return parse(markup, MarkState.NONE).content();
    }

    /**
     * Parses a verse.
     *
     * @param initial marks open where the verse starts: the previous verse's end state
     */
    public static ParsedVerse parse(String markup, MarkState initial) {
        return new Walk(OsisScanner.scan(markup), initial).run();
    }

    /** An element open at the current point. */
    private record Open(String name, boolean added, boolean jesus, boolean divine, boolean suppress, boolean book,
                        List<String> strongs, int word) {
    }

    /** One pass over a fragment's tokens. */
    private static final class Walk implements UsfmResidue.Sink {
        private final List<OsisToken> tokens;
        private final List<Open> stack = new ArrayList<>();
        private final Set<String> jesusMilestones = new HashSet<>();
        private final Set<String> suppressingMilestones = new HashSet<>();
        private final TextAccumulator text = new TextAccumulator();
        private final List<Note> notes = new ArrayList<>();
        private final List<String> titles = new ArrayList<>();
        private int added;
        private int jesus;
        private int divine;
        private int suppress;
        private boolean carriedJesus;
        private boolean carriedDivine;
        private boolean usfmDivine;
        private boolean outOfBook;
        private int words;

        Walk(List<OsisToken> tokens, MarkState initial) {
            this.tokens = tokens;
            this.carriedJesus = initial.wordsOfJesus();
            this.carriedDivine = initial.divineName();
        }

        ParsedVerse run() {
            for (int i = 0; i < tokens.size(); i++) {
                switch (tokens.get(i)) {
                    case OsisToken.Text t -> {
                        if (!suppressed()) UsfmResidue.split(t.text(), this);
                    }
                    case OsisToken.Tag tag -> i = tag(tag, i);
                }
            }
            List<Segment> segments = text.segments();
            StringBuilder plain = new StringBuilder();
            for (Segment segment : segments) plain.append(segment.text());
            VerseContent content = new VerseContent(plain.toString(), segments, notes, String.join(" ", titles));
            MarkState end = new MarkState(carriedJesus || jesus > 0 || !jesusMilestones.isEmpty(),
                    carriedDivine || usfmDivine || divine > 0);
            return new ParsedVerse(content, end);
        }

        /** Handles a tag at index i; returns the index of the last token consumed. */
        private int tag(OsisToken.Tag tag, int i) {
            String name = tag.name();
            if (BREAKS.contains(name) && !(name.equals("milestone") && tag.attrIs("type", "cQuote"))) text.softBreak();
            boolean milestone = tag.has("sid") || tag.has("eid");
            switch (name) {
                case "note", "title", "speaker" -> {
                    if (!tag.isStart() || milestone) return i;
                    int end = matchingEnd(i, name);
                    if (!suppressed()) {
                        if (name.equals("note")) text.gap();
                        if (name.equals("note")) note(tag, i + 1, end);
                        else title(i + 1, end);
                    }
                    return end;
                }
                case "q" -> {
                    if (milestone) quoteMilestone(tag);
                    else if (tag.isStart()) push(new Open(name, false, tag.attrIs("who", "Jesus"), false, false, false, List.of(), 0));
                    else if (tag.isEnd()) close(name);
                }
                case "div" -> {
                    if (milestone) divMilestone(tag);
                    else if (tag.isStart()) {
                        push(new Open(name, false, false, false, NON_SCRIPTURE_DIVS.contains(type(tag)), type(tag).equals("book"),
                                List.of(), 0));
                    } else if (tag.isEnd()) close(name);
                }
                default -> {
                    if (tag.isStart()) push(open(tag));
                    else if (tag.isEnd()) close(name);
                }
            }
            return i;
        }

        private static String type(OsisToken.Tag tag) {
            return tag.attr("type").toLowerCase(Locale.ROOT);
        }

        private Open open(OsisToken.Tag tag) {
            return switch (tag.name()) {
                case "w" -> new Open("w", false, false, false, false, false, StrongsNumbers.parse(tag.attr("lemma")), ++words);
                case "transchange" -> new Open("transchange", tag.attrIs("type", "added"), false, false, false, false, List.of(), 0);
                case "divinename" -> new Open("divinename", false, false, true, false, false, List.of(), 0);
                default -> new Open(tag.name(), false, false, false, false, false, List.of(), 0);
            };
        }

        private void quoteMilestone(OsisToken.Tag tag) {
            if (tag.has("sid") && tag.attrIs("who", "Jesus")) jesusMilestones.add(tag.attr("sid"));
            if (tag.has("eid") && !jesusMilestones.remove(tag.attr("eid"))) {
                // The end of a quotation begun in an earlier verse: if red letters were carried in,
                // this is taken to be their end (an unnamed quotation nested in words of Jesus and
                // itself spanning verses would end them early; no module seen does that).
                carriedJesus = false;
            }
        }

        private void divMilestone(OsisToken.Tag tag) {
            if (tag.has("eid")) {
                if (type(tag).equals("book")) outOfBook = true;
                suppressingMilestones.remove(tag.attr("eid"));
            }
            if (tag.has("sid") && NON_SCRIPTURE_DIVS.contains(type(tag))) suppressingMilestones.add(tag.attr("sid"));
        }

        private void push(Open open) {
            stack.add(open);
            if (open.added()) added++;
            if (open.jesus()) jesus++;
            if (open.divine()) divine++;
            if (open.suppress()) suppress++;
        }

        /** Closes the innermost open element of that name and any left open inside it. */
        private void close(String name) {
            if (name.equals("divinename")) usfmDivine = false;
            for (int i = stack.size() - 1; i >= 0; i--) {
                if (!stack.get(i).name().equals(name)) continue;
                while (stack.size() > i) {
                    Open open = stack.removeLast();
                    if (open.added()) added--;
                    if (open.jesus()) jesus--;
                    if (open.divine()) divine--;
                    if (open.suppress()) suppress--;
                    if (open.book()) outOfBook = true;
                }
                return;
            }
            // No open partner: the element was opened in an earlier verse, or never.
            if (name.equals("q")) carriedJesus = false;
            if (name.equals("divinename")) carriedDivine = false;
        }

        private boolean suppressed() {
            return outOfBook || suppress > 0 || !suppressingMilestones.isEmpty();
        }

        /** Index of the tag closing the element started at {@code start}, or the end of the tokens. */
        private int matchingEnd(int start, String name) {
            int depth = 1;
            for (int j = start + 1; j < tokens.size(); j++) {
                if (tokens.get(j) instanceof OsisToken.Tag t && t.is(name) && !t.has("sid") && !t.has("eid")) {
                    if (t.isStart()) depth++;
                    else if (t.isEnd() && --depth == 0) return j;
                }
            }
            return tokens.size();
        }

        @Override
        public void text(String run) {
            int bits = (added > 0 ? 1 : 0)
                    | (carriedJesus || jesus > 0 || !jesusMilestones.isEmpty() ? 2 : 0)
                    | (carriedDivine || usfmDivine || divine > 0 ? 4 : 0);
            Open word = innermostWord();
            text.append(run, MARK_SETS[bits], word == null ? List.of() : word.strongs(), word == null ? 0 : word.word());
        }

        @Override
        public void marker(String name, boolean closing) {
            if (name.equals("nd")) usfmDivine = !closing;
        }

        private Open innermostWord() {
            for (int i = stack.size() - 1; i >= 0; i--) {
                if (stack.get(i).name().equals("w")) return stack.get(i);
            }
            return null;
        }

        private void note(OsisToken.Tag tag, int from, int to) {
            Note.Kind kind = tag.attrIs("type", "crossReference") ? Note.Kind.CROSS_REFERENCE : Note.Kind.TRANSLATOR;
            TextAccumulator noteText = new TextAccumulator();
            List<String> references = new ArrayList<>();
            StringBuilder reference = null;
            int skipped = 0;
            int referenceDepth = 0;
            for (int k = from; k < to; k++) {
                switch (tokens.get(k)) {
                    case OsisToken.Text t -> {
                        if (skipped > 0) continue;
                        String clean = UsfmResidue.strip(t.text());
                        noteText.append(clean);
                        if (reference != null) reference.append(clean);
                    }
                    case OsisToken.Tag t -> {
                        if (t.is("reference")) {
                            if (t.isStart()) {
                                // The annotateRef prefix repeats the verse number ("1.4 "): not note text.
                                if (skipped > 0 || t.attrIs("type", "annotateRef")) skipped++;
                                else if (referenceDepth++ == 0) reference = new StringBuilder();
                            } else if (t.isEnd()) {
                                if (skipped > 0) skipped--;
                                else if (referenceDepth > 0 && --referenceDepth == 0) {
                                    references.addAll(splitReferences(reference));
                                    reference = null;
                                }
                            }
                        } else if (BREAKS.contains(t.name())) {
                            noteText.softBreak();
                        }
                    }
                }
            }
            if (reference != null) references.addAll(splitReferences(reference));
            String plain = noteText.text();
            if (kind == Note.Kind.CROSS_REFERENCE && references.isEmpty()) references = splitReferences(plain);
            if (!plain.isEmpty() || !references.isEmpty()) notes.add(new Note(kind, plain, references));
        }

        private static List<String> splitReferences(CharSequence text) {
            List<String> references = new ArrayList<>();
            for (String part : text.toString().split(";")) {
                TextAccumulator one = new TextAccumulator();
                one.append(part);
                String reference = one.text();
                if (!reference.isEmpty()) references.add(reference);
            }
            return references;
        }

        /** A title's plain text; notes inside it (psalm titles have some) are kept as the verse's notes. */
        private void title(int from, int to) {
            TextAccumulator title = new TextAccumulator();
            for (int k = from; k < to; k++) {
                switch (tokens.get(k)) {
                    case OsisToken.Text t -> title.append(UsfmResidue.strip(t.text()));
                    case OsisToken.Tag t -> {
                        if (t.is("note") && t.isStart() && !t.has("sid")) {
                            int end = Math.min(matchingEnd(k, "note"), to);
                            note(t, k + 1, end);
                            k = end;
                        }
                        if (BREAKS.contains(t.name())) title.softBreak();
                    }
                }
            }
            String plain = title.text();
            if (!plain.isEmpty()) titles.add(plain);
        }
    }
}
