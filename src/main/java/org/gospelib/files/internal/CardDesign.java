package org.gospelib.files.internal;

import java.awt.Color;
import java.util.Locale;
import java.util.Optional;
import org.gospelib.platform.Fonts;

/** The looks a verse share card comes in: colours, faces and an accent. */
enum CardDesign {
    /** Dark ink on warm paper, serif: the reader's own look. */
    PARCHMENT(new Color(0xf7, 0xf1, 0xe3), new Color(0x2b, 0x22, 0x18), new Color(0x8a, 0x5a, 0x2b), Fonts.Face.SERIF, Fonts.Face.SERIF_BOLD),
    /** Light text on deep blue, sans-serif. */
    NIGHT(new Color(0x14, 0x1e, 0x33), new Color(0xf2, 0xf4, 0xf8), new Color(0xe0, 0xb8, 0x5c), Fonts.Face.SANS, Fonts.Face.SANS_BOLD),
    /** Black on white with a coloured rule, sans-serif: plain enough for any feed. */
    MINIMAL(new Color(0xff, 0xff, 0xff), new Color(0x11, 0x11, 0x11), new Color(0x2f, 0x6f, 0xb3), Fonts.Face.SANS, Fonts.Face.SANS_BOLD);

    final Color background;
    final Color ink;
    final Color accent;
    final Fonts.Face text;
    final Fonts.Face heading;

    CardDesign(Color background, Color ink, Color accent, Fonts.Face text, Fonts.Face heading) {
        this.background = background;
        this.ink = ink;
        this.accent = accent;
        this.text = text;
        this.heading = heading;
    }

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<CardDesign> named(String name) {
        for (CardDesign d : values()) if (d.id().equals(name == null ? "" : name.strip().toLowerCase(Locale.ROOT))) return Optional.of(d);
        return Optional.empty();
    }

    static String hex(Color c) {
        return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }
}
