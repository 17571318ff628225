package org.gospelib.web.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.gospelib.scripture.Mark;
import org.gospelib.scripture.Segment;
import org.gospelib.scripture.VerseContent;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders a verse's marked runs as HTML: translators' additions in italics, the words of Jesus in
 * red, the divine name in small capitals and, when asked, each Strong's-tagged word as a link to
 * its lemma with the gloss as its title. Neighbouring runs with the same marks share one element,
 * which keeps a chapter page small; elements nest properly whatever the
 * order in which marks start and end. Every character of the text is escaped.
 */
final class VerseHtml {

    /** Outermost first, so that a run of red letters keeps one element across its italics. */
    private static final List<Mark> NESTING = List.of(Mark.WORDS_OF_JESUS, Mark.ADDED, Mark.DIVINE_NAME);
    private static final Map<Mark, String> OPEN = Map.of(Mark.WORDS_OF_JESUS, "<span class=\"wj\">",
            Mark.ADDED, "<i>", Mark.DIVINE_NAME, "<span class=\"dn\">");
    private static final Map<Mark, String> CLOSE = Map.of(Mark.WORDS_OF_JESUS, "</span>", Mark.ADDED, "</i>",
            Mark.DIVINE_NAME, "</span>");

    private VerseHtml() {
    }

    /**
     * @param glosses a Strong's number's short gloss, or empty when unknown; {@code null} to leave
     *                tagged words plain
     */
    static String render(VerseContent verse, Function<String, String> glosses) {
        StringBuilder html = new StringBuilder(verse.text().length() + 64);
        List<Mark> open = new ArrayList<>(3);
        for (Segment segment : verse.segments()) {
            int keep = 0;
            while (keep < open.size() && segment.has(open.get(keep))) keep++;
            while (open.size() > keep) html.append(CLOSE.get(open.removeLast()));
            for (Mark mark : NESTING) {
                if (segment.has(mark) && !open.contains(mark)) {
                    html.append(OPEN.get(mark));
                    open.add(mark);
                }
            }
            String text = HtmlUtils.htmlEscape(segment.text(), "UTF-8");
            boolean linked = glosses != null && !segment.strongs().isEmpty() && !segment.text().isBlank();
            html.append(linked ? lemmaLink(segment, text, glosses) : text);
        }
        while (!open.isEmpty()) html.append(CLOSE.get(open.removeLast()));
        return html.toString();
    }

    private static String lemmaLink(Segment segment, String escaped, Function<String, String> glosses) {
        String trimmed = escaped.strip();
        int lead = escaped.indexOf(trimmed);
        List<String> strongs = segment.strongs();
        StringBuilder title = new StringBuilder();
        for (String number : strongs) {
            if (!title.isEmpty()) title.append("; ");
            title.append(number);
            String gloss = glosses.apply(number);
            if (!gloss.isEmpty()) title.append(" ").append(gloss);
        }
        return escaped.substring(0, lead) + "<a class=\"w\" href=\"/lemmas/" + strongs.getFirst() + "\" title=\""
                + HtmlUtils.htmlEscape(title.toString(), "UTF-8") + "\">" + trimmed + "<sup>" + String.join(" ", strongs)
                + "</sup></a>" + escaped.substring(lead + trimmed.length());
    }
}
