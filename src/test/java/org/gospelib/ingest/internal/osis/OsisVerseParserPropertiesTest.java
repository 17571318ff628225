package org.gospelib.ingest.internal.osis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.gospelib.scripture.Note;
import org.gospelib.scripture.Segment;
import org.gospelib.scripture.VerseContent;

/**
 * Whatever the fragment (random tags, unbalanced, milestones without partners, entities valid
 * and not, stray angle brackets and backslashes), parsing succeeds and the result keeps its
 * invariants.
 */
class OsisVerseParserPropertiesTest {

    @Property(tries = 2000)
    void arbitraryFragmentsParseIntoWellFormedContent(@ForAll("fragments") String markup,
                                                      @ForAll boolean jesus, @ForAll boolean divine) {
        ParsedVerse parsed = OsisVerseParser.parse(markup, new MarkState(jesus, divine));
        VerseContent v = parsed.content();

        StringBuilder concatenated = new StringBuilder();
        for (Segment s : v.segments()) concatenated.append(s.text());
        assertThat(v.text()).isEqualTo(concatenated.toString());
        assertNormalised(v.text());
        assertNormalised(v.title());
        assertThat(v.segments()).allSatisfy(s -> assertThat(s.text()).isNotEmpty());
        for (int i = 1; i < v.segments().size(); i++) {
            Segment a = v.segments().get(i - 1);
            Segment b = v.segments().get(i);
            boolean mergeable = a.strongs().isEmpty() && b.strongs().isEmpty() && a.marks().equals(b.marks());
            assertThat(mergeable).as("adjacent plain runs with equal marks are merged: %s %s", a, b).isFalse();
        }
        for (Note note : v.notes()) {
            assertNormalised(note.text());
            note.references().forEach(r -> {
                assertThat(r).isNotEmpty();
                assertNormalised(r);
            });
        }
    }

    @Property(tries = 1000)
    void anyStringAtAllIsAccepted(@ForAll String markup) {
        VerseContent v = OsisVerseParser.parse(markup);
        assertNormalised(v.text());
        BookIntroParser.parse(markup, "Gen");
        BookIntroParser.books(markup);
    }

    @Property(tries = 1000)
    void plainTextKeepsItsWordsInOrder(@ForAll("words") List<String> words) {
        String markup = String.join(" \n\t", words);
        assertThat(OsisVerseParser.parse(markup).text()).isEqualTo(String.join(" ", words));
    }

    private static void assertNormalised(String s) {
        assertThat(s).doesNotStartWith(" ").doesNotEndWith(" ").doesNotContain("  ");
        assertThat(s.chars().filter(c -> c != ' ' && (Character.isWhitespace(c) || Character.isSpaceChar(c)))).isEmpty();
    }

    @Provide
    Arbitrary<List<String>> words() {
        return Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8).list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<String> fragments() {
        return Arbitraries.oneOf(text(), entity(), tag(), junk()).list().ofMaxSize(40).map(parts -> String.join("", parts));
    }

    private Arbitrary<String> text() {
        return Arbitraries.strings().withChars("abcXYZ .,;:!?()\u201c\u201d\u2019\t\n\r\u00a0\u2003").ofMaxLength(12);
    }

    private Arbitrary<String> entity() {
        return Arbitraries.of("&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#233;", "&#x263A;", "&#xD800;", "&#99999999;",
                "&nbsp;", "&", "&;", "&#;", "&#x;", "&amp");
    }

    private Arbitrary<String> junk() {
        return Arbitraries.of("<", ">", "</", "/>", "<!--", "-->", "<![CDATA[x", "]]>", "<?pi", "\\nd ", "\\+nd*", "\\",
                "\\x9* ", "\"", "'", "<w lemma=\"strong:H1", "<note", "< w>");
    }

    private Arbitrary<String> tag() {
        Arbitrary<String> name = Arbitraries.of("w", "transChange", "q", "divineName", "note", "title", "speaker", "div",
                "l", "lg", "reference", "chapter", "milestone", "seg", "foreign", "list", "item", "unknown");
        Arbitrary<String> attribute = Arbitraries.of("", " type=\"added\"", " who=\"Jesus\"", " sID=\"a\"", " eID=\"a\"",
                " sID=\"b\"", " eID=\"b\"", " lemma=\"strong:H0430 G12 lemma.TR:x\"", " lemma='strong:G0001'",
                " type=\"book\"", " type=\"glossary\"", " type=\"crossReference\"", " type=\"annotateRef\"",
                " type=\"x-usfm-toc1\" n=\"N &amp; M\"", " osisID=\"Gen\"", " bare", " x=unquoted", " y=\"a>b\"");
        Arbitrary<String> kind = Arbitraries.of("start", "end", "empty");
        return Combinators.combine(name, attribute.list().ofMaxSize(3), kind).as((n, attrs, k) -> switch (k) {
            case "end" -> "</" + n + ">";
            case "empty" -> "<" + n + String.join("", attrs) + "/>";
            default -> "<" + n + String.join("", attrs) + ">";
        });
    }
}
