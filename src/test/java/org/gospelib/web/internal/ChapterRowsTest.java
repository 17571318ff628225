package org.gospelib.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChapterRowsTest {

    final ChapterView.Column kjv = new ChapterView.Column("KJV", "King James Version", "en", "Psalms", List.of());
    final ChapterView.Column rv = new ChapterView.Column("RV1909", "Reina Valera 1909", "es", "Salmos", List.of());

    ChapterView view(List<ChapterView.Column> columns, List<ChapterView.Row> rows) {
        return new ChapterView("Ps", "Psalms", 23, 150, columns, rows, Optional.empty(), Optional.empty());
    }

    @Test
    void rowsCarryTheirVerseTheirLinkAndTheirCellsEscaped() {
        var row = new ChapterView.Row(1, "Ps.23.1", List.of(new ChapterView.Cell("The <span class=\"dn\">LORD</span> is", "A Psalm <of> David")));
        String html = ChapterRows.render(view(List.of(kjv), List.of(row)), "/read/KJV/Ps/23?with=WEB&v=", 1);
        assertThat(html).startsWith("<div class=\"row verse selected\" id=\"v1\" data-osis=\"Ps.23.1\" data-verse=\"1\">");
        assertThat(html).contains("href=\"/read/KJV/Ps/23?with=WEB&amp;v=1#v1\"");
        assertThat(html).contains("<strong class=\"ptitle\">A Psalm &lt;of&gt; David</strong>");
        assertThat(html).contains("<div class=\"cell\" lang=\"en\"><strong").doesNotContain("data-tr");
        assertThat(html).contains("<span>The <span class=\"dn\">LORD</span> is</span>");
        assertThat(VerseHtmlPropertiesTest.wellNested(html)).isTrue();
    }

    @Test
    void inParallelEachCellNamesItsTranslationAndAMissingVerseSaysSo() {
        var row = new ChapterView.Row(2, "Ps.23.2", List.of(new ChapterView.Cell("He maketh me", ""), new ChapterView.Cell("", "")));
        String html = ChapterRows.render(view(List.of(kjv, rv), List.of(row)), "/read/KJV/Ps/23?v=", 0);
        assertThat(html).contains("class=\"row verse\" id=\"v2\"");
        assertThat(html).contains("<div class=\"cell\" lang=\"es\" data-tr=\"RV1909\"><span class=\"missing\">—</span></div>");
        assertThat(VerseHtmlPropertiesTest.wellNested(html)).isTrue();
    }
}
