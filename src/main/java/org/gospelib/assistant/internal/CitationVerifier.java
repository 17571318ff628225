package org.gospelib.assistant.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.gospelib.content.ScriptureText;
import org.gospelib.content.TranslationInfo;
import org.gospelib.scripture.BookNames;
import org.gospelib.scripture.OsisRange;
import org.gospelib.scripture.ParsedReference;
import org.gospelib.scripture.ReferenceParseException;
import org.gospelib.scripture.ReferenceParser;
import org.gospelib.scripture.VerseContent;
import org.gospelib.scripture.VerseRef;
import org.gospelib.scripture.Versification;

/**
 * Checks a citation against the corpus: the passage exists in the reader's translation, and text
 * quoted as its words is its words. Quotations are compared after normalisation (case, accents
 * kept, punctuation and spacing ignored, whole words), an ellipsis standing for left-out words;
 * a quotation from another installed translation holds too, and says which.
 */
final class CitationVerifier {

    /** Longest passage a citation may name (a whole chapter of Psalm 119 is 176 verses). */
    static final int MAX_VERSES = 200;
    private static final Pattern ELLIPSIS = Pattern.compile("\\.\\s*\\.\\s*\\.|…");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final BookNames BOOKS = BookNames.standard();

    private final ScriptureText text;
    private final ReferenceParser parser = ReferenceParser.create();

    CitationVerifier(ScriptureText text) {
        this.text = text;
    }

    AnswerPart.Citation verify(String cited, Optional<String> quote, String translation) {
        String trimmed = cited.strip();
        ParsedReference parsed;
        try {
            parsed = parser.parse(trimmed);
        } catch (ReferenceParseException e) {
            return failed(trimmed, trimmed, AnswerPart.Status.REMOVED, quote, "not a passage of the Bible: " + e.getMessage());
        }
        String osis = parsed.osis();
        String label = label(parsed.ranges());
        // the parser reads a misspelt book as the nearest name ("Hezek" as Ezekiel): kind to a
        // reader typing, but a citation naming no book of the Bible does not hold
        for (var occurrence : parsed.occurrences()) {
            for (String note : occurrence.notes()) {
                if (note.startsWith("read ") && !note.contains("part of the verse") && !note.contains("another numbering")) {
                    return failed(trimmed, trimmed, AnswerPart.Status.REMOVED, quote, "not a book of the Bible: " + note);
                }
            }
        }
        List<VerseRef> verses = new ArrayList<>();
        for (OsisRange range : parsed.ranges()) verses.addAll(range.verses(Versification.kjv()));
        if (verses.size() > MAX_VERSES) {
            if (quote.isPresent()) {
                return failed(osis, label, AnswerPart.Status.REMOVED, quote, "a quotation from more than " + MAX_VERSES
                        + " verses cannot be checked");
            }
            // a whole book or a long stretch cited without quoting it: its ends must be in the translation
            verses = List.of(verses.getFirst(), verses.getLast());
        }
        List<String> texts = new ArrayList<>(verses.size());
        for (VerseRef verse : verses) {
            Optional<VerseContent> content = text.verse(translation, verse);
            if (content.isEmpty()) {
                return failed(osis, label, AnswerPart.Status.REMOVED, quote, label(verse) + " is not in " + translation);
            }
            texts.add(content.get().text());
        }
        if (quote.isEmpty() || normalise(quote.get()).isEmpty()) {
            return new AnswerPart.Citation(osis, label, AnswerPart.Status.VERIFIED, quote, Optional.empty(), Optional.empty());
        }
        if (quotes(texts, quote.get())) {
            return new AnswerPart.Citation(osis, label, AnswerPart.Status.VERIFIED, quote, Optional.of(translation), Optional.empty());
        }
        for (TranslationInfo other : text.translations()) {
            if (other.id().equalsIgnoreCase(translation)) continue;
            List<String> theirs = new ArrayList<>(verses.size());
            for (VerseRef verse : verses) text.verse(other.id(), verse).ifPresent(v -> theirs.add(v.text()));
            if (theirs.size() == verses.size() && quotes(theirs, quote.get())) {
                return new AnswerPart.Citation(osis, label, AnswerPart.Status.VERIFIED, quote, Optional.of(other.id()),
                        Optional.empty());
            }
        }
        return failed(osis, label, AnswerPart.Status.MISQUOTED, quote, "the quotation is not the text of " + label);
    }

    /**
     * A citation that does not hold. A removed one keeps no quotation: words attributed to a
     * passage that does not exist are not shown at all; a misquotation keeps its words, marked.
     */
    private static AnswerPart.Citation failed(String osis, String label, AnswerPart.Status status, Optional<String> quote,
            String reason) {
        Optional<String> kept = status == AnswerPart.Status.REMOVED ? Optional.empty() : quote;
        return new AnswerPart.Citation(osis, label, status, kept, Optional.empty(), Optional.of(reason));
    }

    /** Whether every part of the quotation between ellipses is, in order, whole words of the passage. */
    static boolean quotes(List<String> verseTexts, String quotation) {
        String passage = " " + normalise(String.join(" ", verseTexts)) + " ";
        int from = 0;
        boolean any = false;
        for (String fragment : ELLIPSIS.split(quotation)) {
            String words = normalise(fragment);
            if (words.isEmpty()) continue;
            int at = passage.indexOf(" " + words + " ", from);
            if (at < 0) return false;
            from = at + words.length() + 1;
            any = true;
        }
        return any;
    }

    /** Lower case, compatibility forms folded, every run of non-letters one space. */
    static String normalise(String s) {
        String folded = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replace('\u2019', '\'').replace("'", "");
        return NOT_WORD.matcher(folded).replaceAll(" ").strip();
    }

    static String label(List<OsisRange> ranges) {
        LinkedHashSet<String> labels = new LinkedHashSet<>();
        for (OsisRange range : ranges) {
            List<VerseRef> verses = range.verses(Versification.kjv());
            if (verses.isEmpty()) {
                labels.add(range.osis());
                continue;
            }
            VerseRef first = verses.getFirst();
            VerseRef last = verses.getLast();
            String start = label(first);
            if (first.equals(last)) {
                labels.add(start);
            } else if (!last.book().equals(first.book())) {
                labels.add(start + " – " + label(last));
            } else {
                labels.add(start + "-" + (last.chapter() == first.chapter() ? "" : last.chapter() + ":") + last.verse());
            }
        }
        return String.join("; ", labels);
    }

    static String label(VerseRef verse) {
        return BOOKS.englishName(verse.book()).orElse(verse.book()) + " " + verse.chapter() + ":" + verse.verse();
    }
}
