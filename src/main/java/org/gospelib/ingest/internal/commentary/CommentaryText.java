package org.gospelib.ingest.internal.commentary;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gospelib.ingest.internal.osis.OsisScanner;
import org.gospelib.ingest.internal.osis.OsisToken;
import org.gospelib.scripture.OsisRange;

/**
 * Reads one commentary entry's OSIS markup into plain text and citations, optionally cutting it
 * into sections at bold verse markers ({@code Verse 3.}, {@code Ver. 3.}, {@code Verses 1, 2.}).
 *
 * <p>Block elements (paragraph divisions, titles, list items, table rows, line breaks) end a
 * paragraph; the rest only style their text. When cutting into sections, text before the first
 * marker, and text after a title that follows a verse section (Spurgeon's "EXPLANATORY NOTES
 * AND QUAINT SAYINGS", "HINTS TO THE VILLAGE PREACHER"), is about the whole entry; a verse
 * section is titled with the part it belongs to and its marker ({@code EXPOSITION: Verse 1}).
 */
final class CommentaryText {

    private static final Pattern VERSE_MARKER =
            Pattern.compile("(?i)(?:verses?|vers?\\.|vv?\\.)\\s*(\\d+(?:\\s*(?:-|\u2013|,|&|and|to)\\s*\\d+)*)\\s*\\.?");
    /** HTML the source escaped into its text ({@code &lt;/ol&gt;} in Scofield): layout residue, not words. */
    private static final Pattern ESCAPED_HTML =
            Pattern.compile("(?i)</?(?:ol|ul|li|p|br|b|i|em|strong|sup|sub|font|span|a)\\b[^<>]*/?>");
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Set<String> BLOCKS = Set.of("div", "p", "title", "item", "list", "lb", "row", "table", "lg", "l",
            "br", "head");

    private final CitationResolver resolver;
    private final boolean splitAtVerses;
    private final List<Section> sections = new ArrayList<>();

    // The section being read.
    private final List<String> paragraphs = new ArrayList<>();
    private final StringBuilder paragraph = new StringBuilder();
    private final StringBuilder freeText = new StringBuilder();
    private final Set<String> cited = new LinkedHashSet<>();
    private int unresolved;
    private String title = "";
    private int firstVerse;
    private int lastVerse;

    // Where the reader is inside the markup.
    private final Deque<Boolean> hiIsBold = new ArrayDeque<>();
    private StringBuilder bold;
    private StringBuilder titleText;
    private StringBuilder referenceText;
    private String osisRef = "";
    private String firstBold = "";
    private String firstTitle = "";
    private String part = "";

    private CommentaryText(CitationResolver resolver, boolean splitAtVerses) {
        this.resolver = resolver;
        this.splitAtVerses = splitAtVerses;
    }

    /** The entry as one section, or cut at verse markers when {@code splitAtVerses}. Never fails. */
    static List<Section> read(String markup, CitationResolver resolver, boolean splitAtVerses) {
        CommentaryText reader = new CommentaryText(resolver, splitAtVerses);
        for (OsisToken token : OsisScanner.scan(markup)) {
            switch (token) {
                case OsisToken.Text text -> reader.text(text.text());
                case OsisToken.Tag tag -> reader.tag(tag);
            }
        }
        reader.endReference();
        reader.endBold();
        reader.endSection();
        return reader.sections;
    }

    private void text(String text) {
        if (referenceText != null) referenceText.append(text);
        else if (titleText == null) freeText.append(text);
        if (bold != null) bold.append(text);
        else if (titleText != null) titleText.append(text);
        else paragraph.append(text);
    }

    private void tag(OsisToken.Tag tag) {
        switch (tag.name()) {
            case "reference" -> {
                if (tag.isStart()) {
                    endReference();
                    referenceText = new StringBuilder();
                    osisRef = tag.attr("osisref");
                } else if (tag.isEnd()) {
                    endReference();
                }
            }
            case "hi" -> {
                if (tag.isStart()) {
                    boolean isBold = tag.attrIs("type", "bold") && bold == null;
                    hiIsBold.push(isBold);
                    if (isBold) bold = new StringBuilder();
                } else if (tag.isEnd() && !hiIsBold.isEmpty() && hiIsBold.pop()) {
                    endBold();
                }
            }
            case "title" -> {
                if (tag.isStart()) {
                    endBold();
                    endParagraph();
                    titleText = new StringBuilder();
                } else if (tag.isEnd()) {
                    endTitle();
                }
            }
            case "cell" -> paragraph.append(' ');
            default -> {
                if (BLOCKS.contains(tag.name())) {
                    // A bold run never spans a block in these works; one left open would swallow the rest.
                    endBold();
                    endParagraph();
                    freeText.append(" ; ");
                }
            }
        }
    }

    private void endReference() {
        if (referenceText == null) return;
        Optional<List<OsisRange>> ranges = resolver.resolve(osisRef, referenceText.toString());
        if (ranges.isPresent()) ranges.get().forEach(range -> cited.add(range.osis()));
        else unresolved++;
        // A reference ends the book context for the running text around it.
        freeText.append(" ; ");
        referenceText = null;
    }

    private void endBold() {
        if (bold == null) return;
        String text = collapse(bold);
        bold = null;
        hiIsBold.clear();
        Matcher marker = VERSE_MARKER.matcher(text);
        boolean isMarker = marker.matches();
        if (splitAtVerses && isMarker) {
            endSection();
            markedVerses(marker.group(1));
            String label = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
            title = part.isEmpty() ? label : part + ": " + label;
        } else if (firstBold.isEmpty() && !text.isEmpty()) {
            firstBold = text;
            // A whole entry headed "Verses 1-6" says which verses it is about.
            if (isMarker) markedVerses(marker.group(1));
        }
        if (titleText != null) titleText.append(text);
        else paragraph.append(text);
    }

    private void markedVerses(String numbers) {
        List<Integer> verses = NUMBER.matcher(numbers).results().map(m -> Integer.parseInt(m.group())).toList();
        firstVerse = verses.stream().min(Integer::compare).orElseThrow();
        lastVerse = verses.stream().max(Integer::compare).orElseThrow();
    }

    private void endTitle() {
        if (titleText == null) return;
        String text = collapse(titleText);
        titleText = null;
        if (text.isEmpty()) return;
        if (splitAtVerses && firstVerse != 0) endSection();
        if (firstTitle.isEmpty()) firstTitle = text;
        part = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        if (splitAtVerses && firstVerse == 0 && title.isEmpty()) title = part;
        paragraphs.add(text);
    }

    private void endParagraph() {
        String text = collapse(ESCAPED_HTML.matcher(paragraph).replaceAll(" "));
        paragraph.setLength(0);
        if (!text.isEmpty()) paragraphs.add(text);
    }

    private void endSection() {
        endParagraph();
        String text = String.join("\n\n", paragraphs);
        resolver.inText(freeText.toString(), range -> cited.add(range.osis()));
        String heading = splitAtVerses ? title : !firstBold.isEmpty() ? firstBold : firstTitle;
        if (!text.isEmpty() || !cited.isEmpty() || unresolved > 0 || !splitAtVerses) {
            sections.add(new Section(heading, firstVerse, lastVerse, text, List.copyOf(cited), unresolved));
        }
        paragraphs.clear();
        freeText.setLength(0);
        cited.clear();
        unresolved = 0;
        title = "";
        firstVerse = 0;
        lastVerse = 0;
        firstBold = "";
        firstTitle = "";
    }

    static String collapse(CharSequence text) {
        return text.toString().replaceAll("\\s+", " ").strip();
    }
}
