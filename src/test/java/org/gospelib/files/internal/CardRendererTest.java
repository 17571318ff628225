package org.gospelib.files.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.gospelib.platform.Fonts;
import org.junit.jupiter.api.Test;

/**
 * Share cards lay out any text inside the card: lines no wider than the text box, the box never
 * overflowed, nothing lost but what an ellipsis stands for; the SVG is well-formed XML whatever
 * the text holds, and the PNG is the Open Graph size. Drawn with the Debian fonts the image ships.
 */
class CardRendererTest {

    static final Fonts FONTS = new Fonts(Fonts.DEBIAN_DIRECTORY);
    static final CardRenderer RENDERER = new CardRenderer(FONTS);

    @Property(tries = 150)
    void anyPassageFitsItsBox(@ForAll("passages") String text, @ForAll CardDesign design) throws Exception {
        VerseCard card = new VerseCard(text, "Salmos 119:1\u2013176", "RV1909", design, VerseCard.Format.SVG);
        CardRenderer.Layout layout = RENDERER.layout(card);
        Font font = Font.createFont(Font.TRUETYPE_FONT, FONTS.file(design.text).toFile()).deriveFont(layout.size());
        FontRenderContext frc = new FontRenderContext(null, true, true);
        assertThat(layout.size()).isBetween(24f, 60f);
        for (String line : layout.lines()) {
            if (line.contains(" ")) assertThat(font.getStringBounds(line, frc).getWidth()).as(line).isLessThanOrEqualTo(1040.5);
        }
        assertThat(layout.baselines().getFirst()).isGreaterThanOrEqualTo(130f);
        assertThat(layout.baselines().getLast()).isLessThanOrEqualTo(500f);
        String joined = String.join(" ", layout.lines());
        String whole = "\u201c" + text.strip().replaceAll("\\s+", " ") + "\u201d";
        if (joined.endsWith("\u2026")) {
            assertThat(layout.size()).isEqualTo(24f);
            assertThat(whole).startsWith(joined.substring(0, joined.length() - 1).strip());
        } else {
            assertThat(joined).isEqualTo(whole);
        }
        String svg = RENDERER.svg(card);
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
    }

    @Provide
    Arbitrary<String> passages() {
        Arbitrary<String> word = Arbitraries.oneOf(
                Arbitraries.of("Porque", "de", "tal", "manera", "amó", "Dios", "al", "mundo", "unigénito", "ñandú", "Señor",
                        "¿Quién", "él?", "¡Aleluya!", "λόγος", "בְּרֵאשִׁית", "<script>", "&amp;", "\"quoted\"", "it's"),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(14),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(6));
        return word.list().ofMinSize(1).ofMaxSize(400).map(words -> String.join(" ", words)).filter(s -> !s.isBlank());
    }

    @Test
    void aPngIsTheOpenGraphSizeAndEachDesignLooksItsOwn() throws Exception {
        String text = "Porque de tal manera amó Dios al mundo, que ha dado á su Hijo unigénito, para que todo aquel que en él "
                + "cree, no se pierda, mas tenga vida eterna.";
        java.util.Set<Integer> backgrounds = new java.util.HashSet<>();
        for (CardDesign design : CardDesign.values()) {
            byte[] png = RENDERER.render(new VerseCard(text, "Juan 3:16", "RV1909", design, VerseCard.Format.PNG));
            var image = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(image.getWidth()).isEqualTo(1200);
            assertThat(image.getHeight()).isEqualTo(630);
            assertThat(image.getRGB(5, 5) & 0xffffff).isEqualTo(design.background.getRGB() & 0xffffff);
            backgrounds.add(image.getRGB(5, 5));
            // text was drawn: some pixels in the text box are the ink colour's side of the background
            long inked = 0;
            for (int x = 80; x < 1120; x += 3) for (int y = 140; y < 500; y += 3) if (image.getRGB(x, y) != image.getRGB(5, 5)) inked++;
            assertThat(inked).isGreaterThan(500);
        }
        assertThat(backgrounds).hasSize(CardDesign.values().length);
        assertThat(Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")).exists();
    }
}
