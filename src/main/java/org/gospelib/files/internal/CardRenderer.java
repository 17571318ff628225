package org.gospelib.files.internal;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.gospelib.platform.Fonts;

/**
 * Draws share cards, 1200 × 630 (the Open Graph size), as PNG with Java 2D or as SVG text. Both
 * use one layout, measured with the same font files: the passage in quotation marks, at the
 * largest size (60 to 24 px) at which it fits its box, wrapped at word boundaries; a passage
 * too long even at the smallest size is cut at a word and ends with an ellipsis.
 */
final class CardRenderer {

    static final int WIDTH = 1200;
    static final int HEIGHT = 630;
    private static final int MARGIN = 80;
    private static final int TEXT_TOP = 130;
    private static final int TEXT_BOTTOM = 500;
    private static final float LARGEST = 60;
    private static final float SMALLEST = 24;
    private static final float LEADING = 1.35f;
    private static final FontRenderContext MEASURE = new FontRenderContext(null, true, true);

    private final Map<Fonts.Face, Font> faces = new EnumMap<>(Fonts.Face.class);

    CardRenderer(Fonts fonts) {
        for (Fonts.Face face : Fonts.Face.values()) {
            try {
                faces.put(face, Font.createFont(Font.TRUETYPE_FONT, fonts.file(face).toFile()));
            } catch (FontFormatException | IOException e) {
                throw new IllegalStateException("cannot read the font " + fonts.file(face), e);
            }
        }
    }

    /** Where each line of the passage goes, and at which size. */
    record Layout(float size, List<String> lines, List<Float> baselines) {
    }

    byte[] render(VerseCard card) {
        return switch (card.format()) {
            case PNG -> png(card);
            case SVG -> svg(card).getBytes(StandardCharsets.UTF_8);
        };
    }

    Layout layout(VerseCard card) {
        Font base = faces.get(card.design().text);
        String quoted = "\u201c" + card.text().strip().replaceAll("\\s+", " ") + "\u201d";
        for (float size = LARGEST; size >= SMALLEST; size -= 2) {
            Font font = base.deriveFont(size);
            List<String> lines = wrap(font, quoted);
            if (lines.size() * size * LEADING <= TEXT_BOTTOM - TEXT_TOP) return placed(size, lines);
        }
        Font font = base.deriveFont(SMALLEST);
        int fitting = (int) ((TEXT_BOTTOM - TEXT_TOP) / (SMALLEST * LEADING));
        List<String> lines = new ArrayList<>(wrap(font, quoted).subList(0, fitting));
        String last = lines.get(fitting - 1);
        while (width(font, last + "\u2026") > WIDTH - 2 * MARGIN && last.contains(" ")) last = last.substring(0, last.lastIndexOf(' '));
        lines.set(fitting - 1, last + "\u2026");
        return placed(SMALLEST, lines);
    }

    private static Layout placed(float size, List<String> lines) {
        float height = lines.size() * size * LEADING;
        float top = TEXT_TOP + (TEXT_BOTTOM - TEXT_TOP - height) / 2;
        List<Float> baselines = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) baselines.add(top + (i + 0.8f) * size * LEADING);
        return new Layout(size, List.copyOf(lines), List.copyOf(baselines));
    }

    private static List<String> wrap(Font font, String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (line.isEmpty() || width(font, candidate) <= WIDTH - 2 * MARGIN) {
                line.setLength(0);
                line.append(candidate);
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            }
        }
        if (!line.isEmpty()) lines.add(line.toString());
        return lines;
    }

    private static double width(Font font, String text) {
        return font.getStringBounds(text, MEASURE).getWidth();
    }

    private String footer(VerseCard card) {
        return card.reference() + " \u00b7 " + card.translation();
    }

    private byte[] png(VerseCard card) {
        Layout layout = layout(card);
        CardDesign design = card.design();
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(design.background);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(design.accent);
            g.fillRect(MARGIN, 96, 64, 6);
            g.setFont(faces.get(design.heading).deriveFont(26f));
            g.drawString("GospeLib", MARGIN, 80);
            g.setColor(design.ink);
            g.setFont(faces.get(design.text).deriveFont(layout.size()));
            for (int i = 0; i < layout.lines().size(); i++) g.drawString(layout.lines().get(i), MARGIN, layout.baselines().get(i));
            g.setColor(design.accent);
            g.setFont(faces.get(design.heading).deriveFont(32f));
            g.drawString(footer(card), MARGIN, 565);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 << 10);
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    String svg(VerseCard card) {
        Layout layout = layout(card);
        CardDesign design = card.design();
        String text = design.text.family() + ", " + (design.text.family().contains("Serif") ? "serif" : "sans-serif");
        String heading = design.heading.family() + ", " + (design.heading.family().contains("Serif") ? "serif" : "sans-serif");
        StringBuilder svg = new StringBuilder(2048);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\" role=\"img\" aria-label=\"")
                .append(escape(card.reference() + " (" + card.translation() + ")")).append("\">\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"").append(CardDesign.hex(design.background)).append("\"/>\n");
        svg.append("<rect x=\"").append(MARGIN).append("\" y=\"96\" width=\"64\" height=\"6\" fill=\"")
                .append(CardDesign.hex(design.accent)).append("\"/>\n");
        svg.append("<text x=\"").append(MARGIN).append("\" y=\"80\" font-family=\"").append(heading)
                .append("\" font-weight=\"bold\" font-size=\"26\" fill=\"").append(CardDesign.hex(design.accent)).append("\">GospeLib</text>\n");
        svg.append("<text font-family=\"").append(text).append("\" font-size=\"").append(number(layout.size()))
                .append("\" fill=\"").append(CardDesign.hex(design.ink)).append("\">\n");
        for (int i = 0; i < layout.lines().size(); i++) {
            svg.append("<tspan x=\"").append(MARGIN).append("\" y=\"").append(number(layout.baselines().get(i))).append("\">")
                    .append(escape(layout.lines().get(i))).append("</tspan>\n");
        }
        svg.append("</text>\n<text x=\"").append(MARGIN).append("\" y=\"565\" font-family=\"").append(heading)
                .append("\" font-weight=\"bold\" font-size=\"32\" fill=\"").append(CardDesign.hex(design.accent)).append("\">")
                .append(escape(footer(card))).append("</text>\n</svg>\n");
        return svg.toString();
    }

    private static String number(float value) {
        return Float.toString(Math.round(value * 10) / 10f);
    }

    /** XML text: markup characters escaped, characters XML cannot hold dropped. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    boolean allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                            || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
                    if (allowed) out.appendCodePoint(cp);
                }
            }
        });
        return out.toString();
    }
}
