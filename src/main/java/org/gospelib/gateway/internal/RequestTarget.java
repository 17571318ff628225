package org.gospelib.gateway.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Checks a request's target (its path and query, exactly as sent) before anything decodes it.
 * Every path has one spelling: the filters decide by the path as sent while the dispatcher
 * decodes and normalises it, so a second spelling of {@code /v1/…} (an escaped letter, a
 * {@code ;parameter}, a doubled or dotted segment) could reach a handler without passing the
 * filters. Such paths are refused rather than normalised: no browser or client sends them. And
 * every escape must decode to UTF-8 without control characters, in the path and in the query.
 */
final class RequestTarget {

    /** Why a target was refused: a stable problem type and a sentence for the client. */
    record Refusal(String type, String detail) {
    }

    private RequestTarget() {
    }

    static Optional<Refusal> check(String rawPath, String rawQuery) {
        Optional<Refusal> path = checkPath(rawPath);
        if (path.isPresent()) return path;
        return rawQuery == null ? Optional.empty() : checkQuery(rawQuery);
    }

    static Optional<Refusal> checkPath(String path) {
        if (!path.startsWith("/")) return nonCanonical("the path must start with /");
        if (path.contains("//")) return nonCanonical("the path has an empty segment (//)");
        if (path.indexOf(';') >= 0) return nonCanonical("path parameters (;…) are not accepted");
        if (path.indexOf('\\') >= 0) return nonCanonical("the path contains a backslash");
        if (hasDotSegment(path)) return nonCanonical("the path has a . or .. segment");
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) != '%') continue;
            int value = escapedByte(path, i);
            if (value < 0) return badEncoding("the path has a % that is not followed by two hex digits");
            if (isUnreserved(value) || value == '/' || value == '\\' || value == ';') {
                return nonCanonical("the path escapes a character that must be written as itself or cannot be escaped ("
                        + path.substring(i, i + 3) + ")");
            }
            i += 2;
        }
        return decodedText(path, false, "path");
    }

    static Optional<Refusal> checkQuery(String query) {
        for (int i = 0; i < query.length(); i++) {
            if (query.charAt(i) == '%' && escapedByte(query, i) < 0) {
                return badEncoding("the query has a % that is not followed by two hex digits");
            }
        }
        return decodedText(query, true, "query");
    }

    /** A segment that is "." or "..", found without splitting the path. */
    private static boolean hasDotSegment(String path) {
        int start = 0;
        for (int i = 0; i <= path.length(); i++) {
            if (i < path.length() && path.charAt(i) != '/') continue;
            int length = i - start;
            if ((length == 1 || length == 2) && path.charAt(start) == '.' && path.charAt(i - 1) == '.') return true;
            start = i + 1;
        }
        return false;
    }

    /**
     * Decodes every %XX (and + in a query) and requires UTF-8 without control characters. Most
     * targets are printable ASCII without an escape: those are checked where they stand, since
     * this runs for every request.
     */
    private static Optional<Refusal> decodedText(String raw, boolean query, String where) {
        if (isPlainPrintableAscii(raw)) return Optional.empty();
        byte[] bytes = new byte[raw.length() * 3];
        int n = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                bytes[n++] = (byte) escapedByte(raw, i);
                i += 2;
            } else if (c == '+' && query) {
                bytes[n++] = ' ';
            } else if (c < 0x80) {
                bytes[n++] = (byte) c;
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                System.arraycopy(utf8, 0, bytes, n, utf8.length);
                n += utf8.length;
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, n)).toString();
        } catch (CharacterCodingException e) {
            return badEncoding("the " + where + " is not valid UTF-8 once its %-escapes are decoded");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // a query may carry a multi-line value (tab, line breaks); nothing may carry NUL and the like
            boolean lineBreakOrTab = c == '\t' || c == '\n' || c == '\r';
            if ((c < 0x20 && !(query && lineBreakOrTab)) || c == 0x7f) {
                return badEncoding("the " + where + " contains a control character");
            }
        }
        return Optional.empty();
    }

    private static boolean isPlainPrintableAscii(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x20 || c >= 0x7f || c == '%') return false;
        }
        return true;
    }

    private static int escapedByte(String s, int percent) {
        if (percent + 2 >= s.length()) return -1;
        int high = Character.digit(s.charAt(percent + 1), 16);
        int low = Character.digit(s.charAt(percent + 2), 16);
        return high < 0 || low < 0 ? -1 : high * 16 + low;
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    private static Optional<Refusal> nonCanonical(String detail) {
        return Optional.of(new Refusal("non-canonical-path", detail));
    }

    private static Optional<Refusal> badEncoding(String detail) {
        return Optional.of(new Refusal("invalid-encoding", detail));
    }
}
