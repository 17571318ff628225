package org.gospelib.ingest.internal.osis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class BookIntroParserTest {

    private static final String INTRO = "<div sID=\"f1\" type=\"front\"/> <milestone n=\"Preface\" type=\"x-usfm-h\"/>"
            + "<title type=\"main\">Preface</title> <div eID=\"f1\" type=\"front\"/> "
            + "<div canonical=\"true\" osisID=\"Xyz\" sID=\"b1\" type=\"book\"/> <milestone n=\"Xyz\" type=\"x-usfm-h\"/> "
            + "<milestone n=\"The Book of  Xyz &amp; Co\" type=\"x-usfm-toc1\"/> <milestone n=\"\" type=\"x-usfm-toc2\"/> "
            + "<milestone n=\"Xy\" type=\"x-usfm-toc3\"/> <title level=\"2\" type=\"main\">The Book of</title> "
            + "<title level=\"1\" type=\"main\"><w lemma=\"strong:H1\">Xyz</w><note>n</note></title> <div sID=\"p\" type=\"x-p\"/>";

    @Test
    void readsTheRequestedBooksNamesOnly() {
        BookTitles titles = BookIntroParser.parse(INTRO, "Xyz");
        assertThat(titles).isEqualTo(new BookTitles("Xyz", Optional.of("Xyz"), Optional.of("The Book of Xyz & Co"),
                Optional.empty(), Optional.of("Xy"), Optional.of("The Book of Xyz")));
        assertThat(BookIntroParser.books(INTRO)).containsExactly("Xyz");
    }

    @Test
    void anEntryHoldingAnotherBookGivesNoTitles() {
        BookTitles titles = BookIntroParser.parse(INTRO, "Abc");
        assertThat(titles.isEmpty()).isTrue();
        assertThat(titles.book()).isEqualTo("Abc");
    }

    @Test
    void anEntryWithoutBookDivisionIsTakenWhole() {
        BookTitles titles = BookIntroParser.parse("<milestone type=\"x-usfm-h\" n=\"Short\"/><title type=\"main\">Long</title>", "Abc");
        assertThat(titles.shortName()).contains("Short");
        assertThat(titles.mainTitle()).contains("Long");
        assertThat(BookIntroParser.parse("", "Abc").isEmpty()).isTrue();
    }
}
