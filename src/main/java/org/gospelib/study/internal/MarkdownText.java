package org.gospelib.study.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * User text placed in a Markdown export so that whatever renders the file shows text, never
 * markup the user did not mean or HTML: plain fields (tags, folder names) have every ASCII
 * punctuation character backslash-escaped, as CommonMark defines; note bodies stay Markdown (that
 * is what notes are written in) with raw HTML turned into text.
 */
final class MarkdownText {

    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private MarkdownText() {
    }

    /** A plain value, on one line, shown exactly as typed. */
    static String plain(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t') out.append(' ');
            else if (PUNCTUATION.indexOf(c) >= 0) out.append('\\').append(c);
            else out.append(c);
        }
        return out.toString();
    }

    /**
     * A note's Markdown with every {@code <} outside fenced code blocks written as {@code &lt;}:
     * renderers then show a tag as text instead of passing HTML through. Fenced blocks opened at the
     * margin are left alone (a fence is a block of its own, shown literally). Backtick code spans are not: whether
     * backticks pair up into a span depends on the whole paragraph, across lines, and a span we
     * took for code that a renderer did not would let HTML through; so a {@code <} inside one is
     * escaped too, and shows as {@code &lt;} there.
     */
    static String withoutHtml(String markdown) {
        StringBuilder out = new StringBuilder(markdown.length() + 16);
        String fence = null; // the open fence (its character repeated as often as it was), while inside one
        boolean fencesKnown = true; // false once a line may or may not have opened a fence
        for (String line : LINE_ENDING.split(markdown, -1)) {
            if (out.length() > 0) out.append('\n');
            if (fence != null) {
                out.append(line);
                if (closes(line, fence)) fence = null;
                continue;
            }
            Matcher opening = FENCE.matcher(line);
            if (fencesKnown && opening.matches()) {
                if (opening.group(1).isEmpty() && unambiguousFence(opening.group(2), opening.group(3))) {
                    fence = opening.group(2);
                    out.append(line);
                    continue;
                }
                // An indented fence opens a block at the top level but not inside a list item, where
                // it also ends with the item; an odd info string opens one in some renderers only.
                // Either way we no longer know which later lines a renderer takes for code, so from
                // here on every '<' is escaped (at worst shown as &lt; inside code).
                fencesKnown = false;
            }
            out.append(line.replace("<", "&lt;"));
        }
        return out.toString();
    }

    /** CommonMark's line endings: a line feed, a carriage return, or both. */
    private static final Pattern LINE_ENDING = Pattern.compile("\\r\\n|\\r|\\n");

    /** CommonMark's fence: up to three spaces, then three or more backticks or tildes, then an info string. */
    private static final Pattern FENCE = Pattern.compile("( {0,3})(`{3,}|~{3,})(.*)");

    /**
     * A fence every renderer opens. CommonMark forbids backticks in a backtick fence's info string;
     * some renderers also refuse a fence whose run of backticks or tildes is followed by the other
     * character. What is not surely a fence is escaped: at worst a {@code <} in code shows as {@code &lt;}.
     */
    private static boolean unambiguousFence(String fence, String info) {
        if (info.startsWith("`") || info.startsWith("~")) return false;
        return fence.charAt(0) != '`' || info.indexOf('`') < 0;
    }

    private static boolean closes(String line, String fence) {
        Matcher closing = FENCE.matcher(line);
        return closing.matches() && closing.group(2).charAt(0) == fence.charAt(0)
                && closing.group(2).length() >= fence.length() && closing.group(3).isBlank();
    }


}
