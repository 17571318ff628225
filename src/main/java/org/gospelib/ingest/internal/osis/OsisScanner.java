package org.gospelib.ingest.internal.osis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A tolerant tag scanner for OSIS fragments. It splits markup into text and tags without any
 * notion of well-formedness: verse fragments carry milestones whose partners live in other
 * verses, and some fragments close elements they never opened. Whatever does not scan as a tag
 * (a {@code <} followed by a space, an unterminated tag, an unterminated quoted value) is text.
 * Comments, processing instructions and declarations are dropped; CDATA sections become text.
 * Nothing in it is OSIS-specific, so the TEI entries of SWORD dictionaries are scanned with it too.
 */
public final class OsisScanner {

    private final String s;
    private final List<OsisToken> tokens = new ArrayList<>();
    private int textStart;

    private OsisScanner(String markup) {
        this.s = markup;
    }

    /** The fragment's tokens in order; never fails, whatever the input. */
    public static List<OsisToken> scan(String markup) {
        OsisScanner scanner = new OsisScanner(markup);
        scanner.run();
        return scanner.tokens;
    }

    private void run() {
        int i = 0;
        int n = s.length();
        while (i < n) {
            int lt = s.indexOf('<', i);
            if (lt < 0) break;
            int end = markupAt(lt);
            i = end > lt ? end : lt + 1;
        }
        flushText(n);
    }

    /** Scans the construct starting with '<' at {@code at}; returns where it ends, or {@code at} if it is text. */
    private int markupAt(int at) {
        if (s.startsWith("<!--", at)) {
            int close = s.indexOf("-->", at + 4);
            int end = close < 0 ? s.length() : close + 3;
            flushText(at);
            textStart = end;
            return end;
        }
        if (s.startsWith("<![CDATA[", at)) {
            int close = s.indexOf("]]>", at + 9);
            if (close < 0) return at;
            flushText(at);
            if (close > at + 9) tokens.add(new OsisToken.Text(s.substring(at + 9, close)));
            textStart = close + 3;
            return close + 3;
        }
        if (s.startsWith("<?", at) || (s.startsWith("<!", at) && at + 2 < s.length() && Character.isLetter(s.charAt(at + 2)))) {
            int close = s.indexOf('>', at + 2);
            if (close < 0) return at;
            flushText(at);
            textStart = close + 1;
            return close + 1;
        }
        return tagAt(at);
    }

    private int tagAt(int at) {
        int n = s.length();
        int i = at + 1;
        boolean closing = i < n && s.charAt(i) == '/';
        if (closing) i++;
        if (i >= n || !isNameStart(s.charAt(i))) return at;
        int nameStart = i;
        while (i < n && isNameChar(s.charAt(i))) i++;
        String name = s.substring(nameStart, i).toLowerCase(Locale.ROOT);
        Map<String, String> attributes = Map.of();
        OsisToken.Tag.Kind kind;
        while (true) {
            while (i < n && Character.isWhitespace(s.charAt(i))) i++;
            if (i >= n) return at;
            char c = s.charAt(i);
            if (c == '>') {
                kind = closing ? OsisToken.Tag.Kind.END : OsisToken.Tag.Kind.START;
                i++;
                break;
            }
            if (c == '/' && i + 1 < n && s.charAt(i + 1) == '>') {
                kind = closing ? OsisToken.Tag.Kind.END : OsisToken.Tag.Kind.EMPTY;
                i += 2;
                break;
            }
            if (c == '<') return at;
            if (!isNameStart(c)) {
                i++; // stray character inside a tag: skip it
                continue;
            }
            int attrStart = i;
            while (i < n && isNameChar(s.charAt(i))) i++;
            String attr = s.substring(attrStart, i).toLowerCase(Locale.ROOT);
            int j = i;
            while (j < n && Character.isWhitespace(s.charAt(j))) j++;
            String value = "";
            if (j < n && s.charAt(j) == '=') {
                j++;
                while (j < n && Character.isWhitespace(s.charAt(j))) j++;
                if (j >= n) return at;
                char q = s.charAt(j);
                if (q == '"' || q == '\'') {
                    int close = s.indexOf(q, j + 1);
                    if (close < 0) return at;
                    value = Entities.decode(s.substring(j + 1, close));
                    i = close + 1;
                } else {
                    int v = j;
                    while (j < n && !Character.isWhitespace(s.charAt(j)) && s.charAt(j) != '>' && s.charAt(j) != '<'
                            && !(s.charAt(j) == '/' && j + 1 < n && s.charAt(j + 1) == '>')) j++;
                    value = Entities.decode(s.substring(v, j));
                    i = j;
                }
            }
            if (attributes.isEmpty()) attributes = new LinkedHashMap<>();
            attributes.putIfAbsent(attr, value);
        }
        flushText(at);
        tokens.add(new OsisToken.Tag(name, kind, attributes));
        textStart = i;
        return i;
    }

    private void flushText(int end) {
        if (end > textStart) tokens.add(new OsisToken.Text(Entities.decode(s.substring(textStart, end))));
        textStart = Math.max(textStart, end);
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_' || c == ':';
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == ':' || c == '.' || c == '-';
    }
}
