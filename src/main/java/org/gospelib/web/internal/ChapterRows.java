package org.gospelib.web.internal;

import org.springframework.web.util.HtmlUtils;

/**
 * The verse rows of a chapter page as HTML, written here rather than by the template: a chapter
 * has up to 176 rows of one to three cells, and evaluating the template's expressions for each
 * cost more than everything else a first render does. The verses' own text comes escaped from
 * {@link VerseHtml}; everything else written here is escaped too.
 */
final class ChapterRows {

    private ChapterRows() {
    }

    /**
     * @param verseLink the link of a verse number without the number: {@code /read/KJV/John/3?with=WEB&v=}
     * @param selected  the verse whose panel is open, or 0
     */
    static String render(ChapterView view, String verseLink, int selected) {
        StringBuilder html = new StringBuilder(view.rows().size() * 400);
        String link = HtmlUtils.htmlEscape(verseLink, "UTF-8");
        for (ChapterView.Row row : view.rows()) {
            int v = row.verse();
            html.append("<div class=\"row verse").append(v == selected ? " selected" : "").append("\" id=\"v").append(v)
                    .append("\" data-osis=\"").append(row.osis()).append("\" data-verse=\"").append(v).append("\">")
                    .append("<a class=\"vn\" href=\"").append(link).append(v).append("#v").append(v)
                    .append("\" aria-label=\"Verse ").append(v).append(": related verses, topics, commentary\">").append(v)
                    .append("</a>");
            for (int i = 0; i < row.cells().size(); i++) {
                ChapterView.Cell cell = row.cells().get(i);
                ChapterView.Column column = view.columns().get(i);
                html.append("<div class=\"cell\" lang=\"").append(HtmlUtils.htmlEscape(column.language(), "UTF-8")).append('"');
                if (view.parallel()) html.append(" data-tr=\"").append(HtmlUtils.htmlEscape(column.translation(), "UTF-8")).append('"');
                html.append('>');
                if (!cell.title().isEmpty()) {
                    html.append("<strong class=\"ptitle\">").append(HtmlUtils.htmlEscape(cell.title(), "UTF-8")).append("</strong>");
                }
                if (cell.isEmpty()) html.append("<span class=\"missing\">—</span>");
                else html.append("<span>").append(cell.html()).append("</span>");
                html.append("</div>");
            }
            html.append("</div>\n");
        }
        return html.toString();
    }
}
