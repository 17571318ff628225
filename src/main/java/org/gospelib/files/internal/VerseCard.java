package org.gospelib.files.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * What a share card shows and how: a passage's text, its reference as the reader reads it, the
 * translation, the design and the image format. Its {@link #hash()} names the stored image, so
 * the same card is drawn once and any change (a corrected text, a new design) is a new file.
 */
record VerseCard(String text, String reference, String translation, CardDesign design, Format format) {

    enum Format {
        PNG("png"), SVG("svg");

        final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        static java.util.Optional<Format> ofExtension(String extension) {
            for (Format f : values()) if (f.extension.equals(extension.toLowerCase(Locale.ROOT))) return java.util.Optional.of(f);
            return java.util.Optional.empty();
        }
    }

    /** Bump when the drawing changes, so cards drawn before are not served for the new look. */
    static final int DRAWING_VERSION = 1;

    String hash() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {Integer.toString(DRAWING_VERSION), design.id(), format.extension, translation,
                    reference, text}) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String key() {
        return "cards/" + hash() + "." + format.extension;
    }
}
