package org.gospelib.ingest.internal.sword;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns an entry's bytes into the markup SWORD hands out for it.
 *
 * <p>Charset: a module that declares UTF-8 is decoded as UTF-8 and one that declares Latin-1 as
 * ISO-8859-1. A module that declares nothing is ISO-8859-1 by SWORD's rules, yet some are UTF-8
 * all the same (StrongsHebrew), so such entries are decoded as UTF-8 when they are valid UTF-8
 * and as ISO-8859-1 otherwise; real Latin-1 text with accented letters is practically never
 * valid UTF-8.
 *
 * <p>Layout: SWORD's raw-entry accessor normalises line ends before returning an entry
 * ({@code SWModule::prepText}): leading line breaks are dropped, a lone LF becomes a space, CR
 * becomes LF, and trailing spaces and line breaks are removed. The same is done here so that
 * entries equal what SWORD's own tools print.
 */
final class EntryDecoder {

    private enum Mode { UTF_8, LATIN_1, UTF_16, GUESS }

    private final Mode mode;

    private EntryDecoder(Mode mode) {
        this.mode = mode;
    }

    static EntryDecoder forConf(SwordConf conf) throws SwordFormatException {
        if (!conf.declaresEncoding()) return new EntryDecoder(Mode.GUESS);
        return switch (conf.encoding()) {
            case UTF_8 -> new EntryDecoder(Mode.UTF_8);
            case LATIN_1 -> new EntryDecoder(Mode.LATIN_1);
            case UTF_16 -> new EntryDecoder(Mode.UTF_16);
            case SCSU -> throw new SwordFormatException(conf.moduleName() + ": SCSU-encoded modules are not supported");
        };
    }

    String decode(byte[] bytes) {
        return prepText(charset(bytes));
    }

    /** The bytes in the module's charset, layout untouched (dictionary keys are not prepared). */
    String charset(byte[] bytes) {
        return switch (mode) {
            case UTF_8 -> new String(bytes, StandardCharsets.UTF_8);
            case LATIN_1 -> new String(bytes, StandardCharsets.ISO_8859_1);
            case UTF_16 -> new String(bytes, StandardCharsets.UTF_16LE);
            case GUESS -> utf8OrLatin1(bytes);
        };
    }

    private static String utf8OrLatin1(byte[] bytes) {
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return strict.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    /** A port of {@code SWModule::prepText}, quirks included (a lone trailing space survives). */
    static String prepText(String raw) {
        if (raw.indexOf('\n') < 0 && raw.indexOf('\r') < 0 && !endsInBlank(raw)) return raw;
        StringBuilder out = new StringBuilder(raw.length());
        boolean space = false;
        boolean cr = false;
        boolean realData = false;
        int newlines = 0;
        for (int i = 0; i < raw.length(); i++) {
            char ch = raw.charAt(i);
            if (ch == '\n') {
                if (!realData) continue;
                space = !cr;
                cr = false;
                if (++newlines > 1) out.append('\n');
                continue;
            }
            if (ch == '\r') {
                if (!realData) continue;
                out.append('\n');
                space = false;
                cr = true;
                continue;
            }
            realData = true;
            newlines = 0;
            if (space) {
                space = false;
                if (ch != ' ') out.append(' ');
            }
            out.append(ch);
        }
        int end = out.length();
        while (end > 1 && (out.charAt(end - 1) == '\n' || out.charAt(end - 1) == ' ')) end--;
        out.setLength(end);
        return out.toString();
    }

    private static boolean endsInBlank(String s) {
        if (s.isEmpty()) return false;
        char last = s.charAt(s.length() - 1);
        return last == ' ' || last == '\n';
    }
}
