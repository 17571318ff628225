package org.gospelib.ingest.internal.sword;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gospelib.ingest.internal.osis.BookIntroParser;
import org.gospelib.ingest.internal.osis.BookTitles;
import org.gospelib.ingest.internal.osis.MarkState;
import org.gospelib.ingest.internal.osis.OsisVerseParser;
import org.gospelib.ingest.internal.osis.ParsedVerse;
import org.gospelib.scripture.Mark;
import org.gospelib.scripture.Note;
import org.gospelib.scripture.VerseContent;
import org.gospelib.scripture.VerseRef;
import org.junit.jupiter.api.Test;

/** Parses every verse of the installed Bibles and checks what the modules are known to hold. */
class InstalledBiblesParsingTest {

    /**
     * The module parsed last, kept for the next test of the same module. One at a time: the
     * suite runs in one JVM with the launcher's heap, beside the application under test.
     */
    private static Map.Entry<String, Map<VerseRef, Parsed>> lastParsed = Map.entry("", Map.of());

    /** Each stored verse once, parsed in order with marks carried from verse to verse. */
    private static synchronized Map<VerseRef, Parsed> parseAll(String module) {
        if (!lastParsed.getKey().equals(module)) {
            lastParsed = Map.entry("", Map.of());
            try {
                lastParsed = Map.entry(module, parse(module));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return lastParsed.getValue();
    }

    private static Map<VerseRef, Parsed> parse(String module) throws IOException {
        Map<VerseRef, Parsed> verses = new LinkedHashMap<>();
        MarkState state = MarkState.NONE;
        try (ZTextReader reader = InstalledSword.open(module)) {
            for (SwordEntry entry : reader.entries().toList()) {
                if (!(entry.key() instanceof EntryKey.Verse verse)) continue;
                ParsedVerse parsed = OsisVerseParser.parse(entry.markup(), state);
                state = parsed.endState();
                verses.put(verse.ref(), new Parsed(entry.markup(), parsed.content()));
            }
        }
        return verses;
    }

    private record Parsed(String markup, VerseContent content) {
    }

    /**
     * The reference parser's precision on prose: scanning every verse text of KJV and WEB (in
     * lenient mode, as commentary and search read free text) finds nothing a reader would not
     * call a reference. Verse texts name people (Job, Daniel, Mark, John) and say "to" and "and"
     * between numbers ("from 20 years old to 50"); none of that may read as a passage.
     */
    @Test
    void noVerseTextReadsAsAReference() {
        org.gospelib.scripture.ReferenceParser parser = org.gospelib.scripture.ReferenceParser.create();
        List<String> found = new ArrayList<>();
        int verses = 0;
        for (String module : List.of(InstalledSword.KJV, InstalledSword.WEB)) {
            for (Map.Entry<VerseRef, Parsed> verse : parseAll(module).entrySet()) {
                verses++;
                String text = verse.getValue().content().text();
                // a few verses (WEB's additions to Esther) are longer than the parser takes at once
                for (String piece : pieces(text, org.gospelib.scripture.ReferenceParser.MAX_INPUT_LENGTH)) {
                    for (var occurrence : parser.parseLenient(piece).occurrences()) {
                        found.add(module + " " + verse.getKey().osis() + ": \"" + occurrence.text() + "\" in " + piece);
                    }
                }
            }
        }
        assertThat(verses).isGreaterThan(60_000);
        assertThat(found).as("references found in verse texts").isEmpty();
    }

    /** The text in pieces of at most {@code max} chars, cut at spaces. */
    private static List<String> pieces(String text, int max) {
        List<String> pieces = new ArrayList<>();
        String rest = text;
        while (rest.length() > max) {
            int cut = rest.lastIndexOf(' ', max);
            if (cut <= 0) cut = max;
            pieces.add(rest.substring(0, cut));
            rest = rest.substring(cut).strip();
        }
        pieces.add(rest);
        return pieces;
    }

    @Test
    void kjvHasItsTranslatorNotesTitlesAndMarks() {
        Map<VerseRef, Parsed> kjv = parseAll(InstalledSword.KJV);
        assertThat(kjv).hasSize(31_102);
        assertThat(kjv.values()).allSatisfy(p -> assertThat(p.content().text()).isNotBlank());
        List<Note> notes = kjv.values().stream().flatMap(p -> p.content().notes().stream()).toList();
        assertThat(notes).hasSize(6_959).allSatisfy(n -> {
            assertThat(n.kind()).isEqualTo(Note.Kind.TRANSLATOR);
            // The "1.4 " reference prefix is dropped.
            assertThat(n.text()).doesNotMatch("^\\d+\\.\\d+ .*");
        });
        // 116 psalm titles, 14 epistle subscriptions, 21 acrostic letters of Psalm 119 (the first is a chapter heading).
        assertThat(kjv.values().stream().filter(p -> !p.content().title().isEmpty())).hasSize(151);
        assertThat(kjv.get(VerseRef.of("Ps", 3, 1)).content().title()).isNotEmpty();
        VerseContent subscribed = kjv.get(VerseRef.of("Rom", 16, 27)).content();
        assertThat(subscribed.title()).isNotEmpty();
        assertThat(subscribed.text()).doesNotContain(subscribed.title());
        assertThat(kjv.values().stream().flatMap(p -> p.content().segments().stream()))
                .anyMatch(s -> s.has(Mark.WORDS_OF_JESUS)).anyMatch(s -> s.has(Mark.DIVINE_NAME))
                .anyMatch(s -> s.has(Mark.ADDED)).anyMatch(s -> s.strongs().contains("H430"));
        assertThat(kjv.values()).allSatisfy(p -> assertThat(p.content().text()).doesNotContain("\\", "<", ">"));
    }

    @Test
    void webCrossReferencesAreNotesWithTheirReferencesSplitOut() {
        Map<VerseRef, Parsed> web = parseAll(InstalledSword.WEB);
        List<Note> crossReferences = web.values().stream().flatMap(p -> p.content().notes().stream())
                .filter(n -> n.kind() == Note.Kind.CROSS_REFERENCE).toList();
        assertThat(crossReferences).hasSize(363);
        assertThat(crossReferences.stream().mapToInt(n -> n.references().size()).sum()).isEqualTo(440);
    }

    @Test
    void webKeepsItsGlossaryOutOfTheLastVerse() {
        Parsed last = parseAll(InstalledSword.WEB).get(VerseRef.of("Rev", 22, 21));
        assertThat(last.markup()).contains("type=\"glossary\"").hasSizeGreaterThan(20_000);
        assertThat(last.content().text()).hasSizeLessThan(100).doesNotContain("Glossary");
        assertThat(last.content().title()).isEmpty();
    }

    /**
     * Where a note sits between two words with no space around it ({@code God<note>…</note>created}),
     * removing the note must leave the words apart.
     */
    @Test
    void removingWebNotesNeverGluesWords() {
        Pattern otherTags = Pattern.compile("<(?!/?note\\b)[^>]*>");
        Pattern notes = Pattern.compile("<note\\b[^>]*>.*?</note>");
        Pattern touching = Pattern.compile("([\\p{L}\\p{N}]+[,.;:!?\u2019\u201d]?)\u0000+(\\p{L}+)");
        int checked = 0;
        List<String> glued = new ArrayList<>();
        for (Map.Entry<VerseRef, Parsed> e : parseAll(InstalledSword.WEB).entrySet()) {
            String plain = notes.matcher(otherTags.matcher(e.getValue().markup()).replaceAll("")).replaceAll("\u0000");
            Matcher m = touching.matcher(plain);
            while (m.find()) {
                checked++;
                String expected = m.group(1) + " " + m.group(2);
                if (!e.getValue().content().text().contains(expected)) glued.add(e.getKey() + ": " + m.group(1) + "|" + m.group(2));
            }
        }
        // Notes with a word, or a word and its punctuation, right before and a letter right after.
        assertThat(checked).isEqualTo(416);
        assertThat(glued).isEmpty();
    }

    @Test
    void bookTitlesComeFromEachBooksOwnIntroduction() throws IOException {
        try (ZTextReader kjv = InstalledSword.open(InstalledSword.KJV); ZTextReader web = InstalledSword.open(InstalledSword.WEB)) {
            for (var book : kjv.versification().books()) {
                BookTitles titles = BookIntroParser.parse(kjv.read(new EntryKey.BookIntro(book.osisId())).orElseThrow(), book.osisId());
                assertThat(titles.shortName()).as(book.osisId()).isPresent();
                assertThat(titles.abbreviation()).as(book.osisId()).isPresent();
                assertThat(titles.mainTitle()).as(book.osisId()).isPresent();
            }
            BookTitles genesis = BookIntroParser.parse(kjv.read(new EntryKey.BookIntro("Gen")).orElseThrow(), "Gen");
            assertThat(genesis.shortName()).contains("Genesis");
            assertThat(genesis.abbreviation()).contains("Gen");

            String webGenesis = web.read(new EntryKey.BookIntro("Gen")).orElseThrow();
            assertThat(BookIntroParser.parse(webGenesis, "Gen").shortName()).contains("Genesis");
            String hosea = web.read(new EntryKey.BookIntro("Hos")).orElseThrow();
            assertThat(BookIntroParser.books(hosea)).containsExactly("DanGr");
            assertThat(BookIntroParser.parse(hosea, "Hos").isEmpty()).isTrue();
        }
    }
}
