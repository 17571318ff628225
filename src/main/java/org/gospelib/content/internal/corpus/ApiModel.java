package org.gospelib.content.internal.corpus;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import org.gospelib.content.TranslationInfo;
import org.gospelib.scripture.Mark;
import org.gospelib.scripture.Note;
import org.gospelib.scripture.Segment;
import org.gospelib.scripture.VerseContent;
import org.gospelib.scripture.VerseRef;

/** The JSON shapes of the content API (v1). Field names are part of the contract. */
public final class ApiModel {

    private ApiModel() {
    }

    public record Translation(String id, String name, String language, String license, String versification,
            int verseCount) {
        public static Translation of(TranslationInfo info) {
            return new Translation(info.id(), info.name(), info.language(), info.license(), info.versification(),
                    info.verseCount());
        }
    }

    public record Book(String osis, String name, String longName, String abbreviation, String testament, int chapters,
            int verses, List<Integer> versesPerChapter) {
        public static Book of(BookInfo b) {
            return new Book(b.osisId(), b.name(), b.longName(), b.abbreviation(), b.testament(), b.chapterCount(),
                    b.verseCount(), b.versesPerChapter());
        }
    }

    public record Books(String translation, List<Book> books) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record SegmentJson(String text, List<String> marks, List<String> strongs) {
        public static SegmentJson of(Segment s) {
            List<String> marks = new ArrayList<>(s.marks().size());
            if (s.has(Mark.ADDED)) marks.add("added");
            if (s.has(Mark.WORDS_OF_JESUS)) marks.add("wordsOfJesus");
            if (s.has(Mark.DIVINE_NAME)) marks.add("divineName");
            return new SegmentJson(s.text(), marks, s.strongs());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record NoteJson(String kind, String text, List<String> references) {
        public static NoteJson of(Note n) {
            return new NoteJson(n.kind() == Note.Kind.CROSS_REFERENCE ? "crossReference" : "translator", n.text(),
                    n.references());
        }
    }

    /** One translation's text of a verse; {@code ref} is where the translation itself numbers it. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record VerseJson(String translation, String ref, String text, String title, List<SegmentJson> segments,
            List<NoteJson> notes, Boolean continued) {
        public static VerseJson of(String translation, VerseRef nativeRef, VerseContent c) {
            return new VerseJson(translation, nativeRef.osis(), c.text(), c.title(),
                    c.segments().stream().map(SegmentJson::of).toList(),
                    c.notes().stream().map(NoteJson::of).toList(), null);
        }
    }

    /** A verse position (KJV numbering) with the text of every requested translation, in order. */
    public record ParallelVerse(String osis, String book, int chapter, int verse, List<VerseJson> translations) {
    }

    public record PassagePart(String osis, List<ParallelVerse> verses) {
    }

    public record Passage(String reference, String osis, List<String> translations, List<PassagePart> passages) {
    }

    public record VerseEverywhere(String osis, List<VerseJson> translations) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    /**
     * @param assumed what the parser assumed to read a part (a misspelling corrected, another
     *                numbering mapped, a verse part dropped), per part as written
     */
    public record ReferenceParse(String query, String osis, List<String> ranges, List<Unparsed> notUnderstood,
            List<Assumption> assumed) {
    }

    /** A part of the query read with an assumption, and the assumption in words. */
    public record Assumption(String text, int offset, String osis, List<String> notes) {
    }

    public record Unparsed(String text, int offset) {
    }

    public record TranslationList(List<Translation> translations) {
    }

}
