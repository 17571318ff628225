package org.gospelib.ingest.internal.osis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.gospelib.scripture.Mark;
import org.gospelib.scripture.Note;
import org.gospelib.scripture.Segment;
import org.gospelib.scripture.VerseContent;
import org.junit.jupiter.api.Test;

/** Fragments here are made up; they mimic the markup of the installed modules. */
class OsisVerseParserTest {

    @Test
    void taggedWordsAreSegmentsOfTheirOwnAndPlainRunsMerge() {
        VerseContent v = OsisVerseParser.parse(
                "Alpha <w lemma=\"strong:H0430\">beta</w><w lemma=\"strong:H0430\">gamma</w> delta <w lemma=\"x:1\">eps</w>.");
        assertThat(v.text()).isEqualTo("Alpha betagamma delta eps.");
        assertThat(v.segments()).containsExactly(
                Segment.plain("Alpha "),
                new Segment("beta", Set.of(), List.of("H430")),
                new Segment("gamma", Set.of(), List.of("H430")),
                Segment.plain(" delta eps."));
    }

    @Test
    void marksAddedWordsDivineNameAndWordsOfJesus() {
        VerseContent v = OsisVerseParser.parse("one <transChange type=\"added\">two</transChange> "
                + "<divineName><w lemma=\"strong:H3068\">Three</w></divineName> <q who=\"Jesus\">four "
                + "<transChange type=\"added\">five</transChange></q> six");
        assertThat(v.text()).isEqualTo("one two Three four five six");
        assertThat(v.segments()).containsExactly(
                Segment.plain("one "),
                new Segment("two", Set.of(Mark.ADDED), List.of()),
                Segment.plain(" "),
                new Segment("Three", Set.of(Mark.DIVINE_NAME), List.of("H3068")),
                Segment.plain(" "),
                new Segment("four ", Set.of(Mark.WORDS_OF_JESUS), List.of()),
                new Segment("five", Set.of(Mark.WORDS_OF_JESUS, Mark.ADDED), List.of()),
                Segment.plain(" six"));
    }

    @Test
    void redLetterMilestonesCarryAcrossVerses() {
        ParsedVerse first = OsisVerseParser.parse("said, <q who=\"Jesus\" sID=\"q1\"/>Come here", MarkState.NONE);
        assertThat(first.endState()).isEqualTo(new MarkState(true, false));
        assertThat(first.content().segments().getLast()).isEqualTo(new Segment("Come here", Set.of(Mark.WORDS_OF_JESUS), List.of()));

        ParsedVerse second = OsisVerseParser.parse("and see.<q eID=\"q1\"/> Then they went", first.endState());
        assertThat(second.content().segments()).containsExactly(
                new Segment("and see.", Set.of(Mark.WORDS_OF_JESUS), List.of()),
                Segment.plain(" Then they went"));
        assertThat(second.endState()).isEqualTo(MarkState.NONE);

        ParsedVerse closedByStrayTag = OsisVerseParser.parse("more</q> after", new MarkState(true, false));
        assertThat(closedByStrayTag.content().segments()).containsExactly(
                new Segment("more", Set.of(Mark.WORDS_OF_JESUS), List.of()), Segment.plain(" after"));
        assertThat(closedByStrayTag.endState()).isEqualTo(MarkState.NONE);
    }

    @Test
    void notesLeaveTheTextApartWithoutSpacingPunctuation() {
        VerseContent v = OsisVerseParser.parse("Alpha<note placement=\"foot\"><reference type=\"annotateRef\">1:1 </reference>"
                + "a remark</note>beta gamma<note>x</note>, delta (<note>y</note>epsilon)<note>z</note>.");
        assertThat(v.text()).isEqualTo("Alpha beta gamma, delta (epsilon).");
        assertThat(v.notes()).extracting(Note::text).containsExactly("a remark", "x", "y", "z");
        assertThat(v.notes()).extracting(Note::kind).containsOnly(Note.Kind.TRANSLATOR);
    }

    @Test
    void crossReferenceNotesListTheirReferences() {
        VerseContent v = OsisVerseParser.parse("Text.<note type=\"crossReference\"><reference subType=\"x-origin\" "
                + "type=\"annotateRef\">2:3 </reference><reference>Book 1:2; Other 3:4,5;  66:1 </reference></note>");
        assertThat(v.text()).isEqualTo("Text.");
        assertThat(v.notes()).containsExactly(new Note(Note.Kind.CROSS_REFERENCE, "Book 1:2; Other 3:4,5; 66:1",
                List.of("Book 1:2", "Other 3:4,5", "66:1")));
    }

    @Test
    void titlesAndSpeakersBecomeTheTitleAndTheirNotesStayNotes() {
        VerseContent v = OsisVerseParser.parse("<title canonical=\"true\" type=\"psalm\"><w lemma=\"strong:H1\">A song</w> "
                + "for <transChange type=\"added\">the</transChange> choir.<note>musical term</note></title> "
                + "<speaker>Someone</speaker> Sing on.");
        assertThat(v.title()).isEqualTo("A song for the choir. Someone");
        assertThat(v.text()).isEqualTo("Sing on.");
        assertThat(v.notes()).extracting(Note::text).containsExactly("musical term");
    }

    @Test
    void contentAfterTheBookEndsOrInANonScriptureDivisionIsNotVerseText() {
        VerseContent v = OsisVerseParser.parse("Last words.<chapter eID=\"X.1\"/> <div eID=\"b1\" osisID=\"X\" type=\"book\"/> "
                + "<div sID=\"g1\" type=\"glossary\"/><title type=\"main\">Word list</title> <list><item>entry</item></list>"
                + "<div eID=\"g1\" type=\"glossary\"/>");
        assertThat(v.text()).isEqualTo("Last words.");
        assertThat(v.title()).isEmpty();

        VerseContent front = OsisVerseParser.parse("<div type=\"front\">preface words</div>Verse words");
        assertThat(front.text()).isEqualTo("Verse words");
    }

    @Test
    void toleratesBrokenMarkupAndUsfmResidue() {
        VerseContent v = OsisVerseParser.parse("by my name \\nd <w lemma=\"strong:H3068\">NAME</w></divineName> was"
                + "<note>the <divineName>NAME\\+nd*: or, X</note> known</list>");
        assertThat(v.text()).isEqualTo("by my name NAME was known");
        assertThat(v.segments()).contains(new Segment("NAME", Set.of(Mark.DIVINE_NAME), List.of("H3068")));
        assertThat(v.notes()).extracting(Note::text).containsExactly("the NAME: or, X");

        assertThat(OsisVerseParser.parse("a < b <w lemma=\"strong:G1\" unclosed").text()).isEqualTo("a < b <w lemma=\"strong:G1\" unclosed");
        assertThat(OsisVerseParser.parse("<transChange type=\"added\">open to the end").segments())
                .containsExactly(new Segment("open to the end", Set.of(Mark.ADDED), List.of()));
    }

    @Test
    void decodesEntitiesAndCollapsesWhitespace() {
        VerseContent v = OsisVerseParser.parse("  a&amp;b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#233;&#x263A; &bogus; &\t\n x  ");
        assertThat(v.text()).isEqualTo("a&b <c> \"d\" 'e' \u00e9\u263a &bogus; & x");
        assertThat(OsisVerseParser.parse("<w lemma=\"strong:H1\"> spaced  word </w>").segments())
                .containsExactly(new Segment("spaced word", Set.of(), List.of("H1")));
    }

    @Test
    void blankFragmentsGiveEmptyContent() {
        assertThat(OsisVerseParser.parse("").isEmpty()).isTrue();
        assertThat(OsisVerseParser.parse("<div sID=\"p1\" type=\"x-p\"/>  <chapter eID=\"X.1\"/>")).isEqualTo(VerseContent.EMPTY);
    }
}
