package org.gospelib.study.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;
import org.junit.jupiter.api.Test;

/** What a Markdown viewer makes of the export's user text: text, never HTML. */
class MarkdownTextTest {

    private static final Parser PARSER = Parser.builder().build();

    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> pieces = Arbitraries.of("<script>alert(1)</script>", "</a>", "<img src=x onerror=y>", "`", "``",
                "*", "_", "[link](http://x)", "# ", "\n", "- ", "1. ", "&amp;", "&lt;", "\\", "|", "> ", "~~", "<!--", "word",
                " ", "![i](x)", "<http://x>", "```", "\n```\n", "<div>", "é", "中", " ```", "  ~~~", "\r", "\r\n", "- ```", "> ```");
        return pieces.list().ofMinSize(1).ofMaxSize(12).map(list -> String.join("", list));
    }

    @Property(tries = 2000)
    void plainValuesRenderAsExactlyTheirText(@ForAll("hostile") String value) {
        Node document = PARSER.parse("Tags: " + MarkdownText.plain(value));
        assertThat(htmlIn(document)).as(value).isEmpty();
        String shown = TextContentRenderer.builder().build().render(document).strip();
        assertThat(shown).isEqualTo(("Tags: " + value.replaceAll("[\\n\\r\\t]", " ")).strip());
    }

    @Property(tries = 10000)
    void noteBodiesKeepTheirMarkdownButNeverPassHtml(@ForAll("hostile") String body) {
        assertThat(htmlIn(PARSER.parse(MarkdownText.withoutHtml(body)))).as(body).isEmpty();
    }

    @Test
    void aCodeSpanAcrossLinesLetsNoHtmlThrough() {
        // found by the property above: the backticks ending line one pair with those starting line two
        String body = "<script>alert(1)</script>```\n```<script>alert(1)</script>```";
        assertThat(htmlIn(PARSER.parse(MarkdownText.withoutHtml(body)))).isEmpty();
    }

    @Test
    void anIndentedFenceMakesEveryLaterLineSuspect() {
        // found by the property above: " ```" opens a fence at the top level, so the margin fence
        // on the next line closes it rather than opening one
        String body = " ```\n```\n<script>alert(1)</script>";
        assertThat(htmlIn(PARSER.parse(MarkdownText.withoutHtml(body)))).isEmpty();
    }

    @Test
    void carriageReturnsEndLinesAsRenderersSayTheyDo() {
        String body = "```\n```\r<script>alert(1)</script>\r\n```\r\n<b>x</b>";
        assertThat(htmlIn(PARSER.parse(MarkdownText.withoutHtml(body)))).isEmpty();
    }

    @Test
    void formattingAndCodeInNotesSurvive() {
        String body = "**Grace** and `a < b` and <b>bold</b>\n```\nif (a < b) {}\n```";
        String escaped = MarkdownText.withoutHtml(body);
        assertThat(escaped).contains("**Grace**", "`a &lt; b`", "&lt;b>bold&lt;/b>", "if (a < b) {}");
    }

    private static List<String> htmlIn(Node document) {
        List<String> html = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlInline node) {
                html.add(node.getLiteral());
            }

            @Override
            public void visit(HtmlBlock node) {
                html.add(node.getLiteral());
            }
        });
        return html;
    }
}
