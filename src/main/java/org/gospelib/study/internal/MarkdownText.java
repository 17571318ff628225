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
     * A note's Markdown with every {@code <} outside code written as {@code &lt;}: renderers then
     * show the tag as text instead of passing HTML through. Code (fenced blocks and backtick spans)
     * is left alone, since it is shown literally already.
     */
    static String withoutHtml(String markdown) {
        StringBuilder out = new StringBuilder(markdown.length() + 16);
        String fence = null; // the open fence (its character repeated as often as it was), while inside one
        for (String line : markdown.split("\n", -1)) {
            if (out.length() > 0) out.append('\n');
            if (fence != null) {
                out.append(line);
                if (closes(line, fence)) fence = null;
                continue;
            }
            Matcher opening = FENCE.matcher(line);
            if (opening.matches() && unambiguousFence(opening.group(2), opening.group(3))) {
                fence = opening.group(2);
                out.append(line);
                continue;
            }
            escapeOutsideCodeSpans(line, out);
        }
        return out.toString();
    }

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

    private static void escapeOutsideCodeSpans(String line, StringBuilder out) {
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length() && PUNCTUATION.indexOf(line.charAt(i + 1)) >= 0) {
                // an escaped character is literal text: an escaped backtick opens no code span
                out.append(c).append(line.charAt(i + 1));
                i += 2;
                continue;
            }
            if (c == '`') {
                int run = runOf(line, i, '`');
                int close = line.indexOf("`".repeat(run), i + run);
                while (close >= 0 && runOf(line, close, '`') != run) close = line.indexOf("`".repeat(run), close + runOf(line, close, '`'));
                if (close >= 0) {
                    out.append(line, i, close + run);
                    i = close + run;
                    continue;
                }
                out.append(line, i, i + run);
                i += run;
                continue;
            }
            out.append(c == '<' ? "&lt;" : String.valueOf(c));
            i++;
        }
    }

    private static int runOf(String line, int from, char c) {
        int end = from;
        while (end < line.length() && line.charAt(end) == c) end++;
        return end - from;
    }
}
