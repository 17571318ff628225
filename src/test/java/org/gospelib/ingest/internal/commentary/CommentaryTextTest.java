package org.gospelib.ingest.internal.commentary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Markup to text, citations and verse sections, on hand-written fragments. */
class CommentaryTextTest {

    private final CitationResolver resolver = new CitationResolver();

    @Test
    void paragraphsAndTitleOfAWholeEntry() {
        List<Section> sections = CommentaryText.read("""
                <title type="x-s2">Chapter 2</title> <div sID="a" type="x-p"/> A summary.  <div eID="a" type="x-p"/>\
                <hi type="bold">Verses 1-6</hi> <div sID="b" type="x-p"/> First   words
                of the note. <div eID="b" type="x-p"/>""", resolver, false);

        assertThat(sections).singleElement().satisfies(s -> {
            assertThat(s.title()).isEqualTo("Verses 1-6");
            assertThat(s.text()).isEqualTo("Chapter 2\n\nA summary.\n\nVerses 1-6\n\nFirst words of the note.");
            assertThat(s.firstVerse()).isEqualTo(1);
            assertThat(s.lastVerse()).isEqualTo(6);
        });
    }

    @Test
    void readsNonStandardOsisRefsAndFallsBackToThePrintedText() {
        Section s = CommentaryText.read("""
                See <reference osisRef="lu 15:4 lu 15:6">Luke 15:4,6</reference>; \
                <reference osisRef="Scofield:Heb 1:4">Hebrews 1:4</reference>; \
                <reference osisRef="isa 45:18"> 45:18</reference>; \
                <reference osisRef="nonsense">Romans 8:28</reference>; \
                <reference osisRef="nonsense">no such place</reference>.""", resolver, false).getFirst();

        assertThat(s.citedOsis()).containsExactly("Luke.15.4", "Luke.15.6", "Heb.1.4", "Isa.45.18", "Rom.8.28");
        assertThat(s.unresolved()).isEqualTo(1);
    }

    @Test
    void findsReferencesInRunningTextButNotBareBookNames() {
        Section s = CommentaryText.read("As John 3:16 says, and as the Psalms sing, compare Rom 5:8.", resolver, false)
                .getFirst();

        assertThat(s.citedOsis()).containsExactly("John.3.16", "Rom.5.8");
        assertThat(s.unresolved()).isZero();
    }

    @Test
    void cutsAtVerseMarkersAndStartsAPsalmWidePartAtATitle() {
        List<Section> sections = CommentaryText.read("""
                <title type="x-s">Psalm 9 OVERVIEW</title> <div sID="a" type="x-p"/> About the psalm. <div eID="a" type="x-p"/>\
                <title type="x-s">EXPOSITION.</title> <div sID="b" type="x-p"/> <hi type="bold">Verse 1.</hi> One. \
                <div eID="b" type="x-p"/> <div sID="c" type="x-p"/> <hi type="bold">Verses 2, 3.</hi> Two and three.\
                <div eID="c" type="x-p"/> <title type="x-s">EXPLANATORY NOTES.</title> <div sID="d" type="x-p"/> \
                <hi type="italic">Whole Psalm.</hi> Notes. <div eID="d" type="x-p"/> <div sID="e" type="x-p"/> \
                <hi type="bold">Ver. 4.</hi> Four. <div eID="e" type="x-p"/>""", resolver, true);

        assertThat(sections).extracting(Section::title, Section::firstVerse, Section::lastVerse).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Psalm 9 OVERVIEW", 0, 0),
                org.assertj.core.groups.Tuple.tuple("EXPOSITION: Verse 1", 1, 1),
                org.assertj.core.groups.Tuple.tuple("EXPOSITION: Verses 2, 3", 2, 3),
                org.assertj.core.groups.Tuple.tuple("EXPLANATORY NOTES", 0, 0),
                org.assertj.core.groups.Tuple.tuple("EXPLANATORY NOTES: Ver. 4", 4, 4));
        assertThat(sections.get(0).text()).isEqualTo("Psalm 9 OVERVIEW\n\nAbout the psalm.\n\nEXPOSITION.");
        assertThat(sections.get(2).text()).isEqualTo("Verses 2, 3. Two and three.");
    }
}
