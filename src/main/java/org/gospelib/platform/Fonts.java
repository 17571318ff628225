package org.gospelib.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The font files GospeLib draws with (printable exports, verse share images): DejaVu, from the
 * Debian package {@code fonts-dejavu-core}, which covers Latin with every Spanish diacritic,
 * Greek and Hebrew. Read from {@code gospelib.fonts.dir} (the package's directory by default), so
 * the same files are used on a workstation, in the image and in the tests.
 */
public final class Fonts {

    /** The four faces used. */
    public enum Face {
        SERIF("DejaVuSerif.ttf"), SERIF_BOLD("DejaVuSerif-Bold.ttf"), SANS("DejaVuSans.ttf"), SANS_BOLD("DejaVuSans-Bold.ttf");

        private final String file;

        Face(String file) {
            this.file = file;
        }

        /** The family name drawings refer to (an SVG's font-family). */
        public String family() {
            return name().startsWith("SERIF") ? "DejaVu Serif" : "DejaVu Sans";
        }

        public boolean bold() {
            return name().endsWith("BOLD");
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final Path DEBIAN_DIRECTORY = Path.of("/usr/share/fonts/truetype/dejavu");

    private final Path directory;

    public Fonts(Path directory) {
        this.directory = directory;
    }

    /** The face's file; an {@link IllegalStateException} naming the package when it is not installed. */
    public Path file(Face face) {
        Path file = directory.resolve(face.file);
        if (!Files.isReadable(file)) {
            throw new IllegalStateException("font file " + file + " is missing: install the Debian package fonts-dejavu-core"
                    + " or set gospelib.fonts.dir");
        }
        return file;
    }

    /** The faces whose files are missing (empty when all can be drawn with). */
    public List<Face> missing() {
        return java.util.Arrays.stream(Face.values()).filter(f -> !Files.isReadable(directory.resolve(f.file))).toList();
    }
}
