package org.gospelib.content.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.io.JsonStringEncoder;

/**
 * A JSON document written by hand into bytes, so that fragments rendered once at snapshot load
 * can be copied in without being parsed or re-serialised. Only strings are escaped here; the
 * caller keeps the structure well-formed.
 */
final class JsonBytes {

    private static final JsonStringEncoder ENCODER = JsonStringEncoder.getInstance();

    private final ByteArrayOutputStream out;

    JsonBytes(int sizeHint) {
        this.out = new ByteArrayOutputStream(sizeHint);
    }

    JsonBytes raw(String ascii) {
        out.writeBytes(ascii.getBytes(StandardCharsets.ISO_8859_1));
        return this;
    }

    JsonBytes raw(byte[] fragment) {
        out.writeBytes(fragment);
        return this;
    }

    JsonBytes string(String value) {
        out.write('"');
        out.writeBytes(ENCODER.quoteAsUTF8(value));
        out.write('"');
        return this;
    }

    JsonBytes number(int value) {
        return raw(Integer.toString(value));
    }

    byte[] toBytes() {
        return out.toByteArray();
    }
}
