package org.gospelib.content.internal.api;

import org.gospelib.content.internal.corpus.VerseEntry;

import java.util.Arrays;
import tools.jackson.core.io.JsonStringEncoder;

/**
 * A JSON document written by hand into bytes, so that fragments rendered once at snapshot load
 * can be copied in without being parsed or re-serialised. Only strings are escaped here; the
 * caller keeps the structure well-formed. Unsynchronised, unlike {@code ByteArrayOutputStream},
 * and handing back its own array when the size hint was exact.
 */
@SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): the copy for ASCII text, without a temporary array
final class JsonBytes {

    private static final JsonStringEncoder ENCODER = JsonStringEncoder.getInstance();

    private byte[] buffer;
    private int size;

    JsonBytes(int sizeHint) {
        this.buffer = new byte[Math.max(64, sizeHint)];
    }

    JsonBytes raw(String ascii) {
        int length = ascii.length();
        ensure(length);
        ascii.getBytes(0, length, buffer, size);
        size += length;
        return this;
    }

    JsonBytes raw(byte[] fragment) {
        ensure(fragment.length);
        System.arraycopy(fragment, 0, buffer, size, fragment.length);
        size += fragment.length;
        return this;
    }

    /** A verse's JSON, copied straight from where the snapshot keeps it. */
    JsonBytes raw(VerseEntry verse) {
        ensure(verse.length());
        verse.bytes().copy(verse.offset(), verse.length(), buffer, size);
        size += verse.length();
        return this;
    }

    JsonBytes string(String value) {
        if (isPlainAscii(value)) {
            ensure(value.length() + 2);
            buffer[size++] = '"';
            value.getBytes(0, value.length(), buffer, size);
            size += value.length();
            buffer[size++] = '"';
            return this;
        }
        byte[] quoted = ENCODER.quoteAsUTF8(value);
        ensure(quoted.length + 2);
        buffer[size++] = '"';
        System.arraycopy(quoted, 0, buffer, size, quoted.length);
        size += quoted.length;
        buffer[size++] = '"';
        return this;
    }

    JsonBytes number(int value) {
        return raw(Integer.toString(value));
    }

    byte[] toBytes() {
        return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
    }

    int size() {
        return size;
    }

    private void ensure(int more) {
        if (size + more > buffer.length) buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
    }

    /** Printable ASCII without quote or backslash needs no escaping: OSIS ids, ids, most input. */
    private static boolean isPlainAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') return false;
        }
        return true;
    }

}
