package org.gospelib.content.internal.corpus;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.gospelib.scripture.Mark;
import org.gospelib.scripture.Note;
import org.gospelib.scripture.Segment;
import org.gospelib.scripture.VerseContent;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a verse's model back from its API JSON ({@link ApiModel.VerseJson}), which carries all of
 * it: text, title, marked segments with their Strong's numbers, and notes.
 */
public final class VerseJsonReader {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private VerseJsonReader() {
    }

    public static VerseContent read(byte[] json) {
        ApiModel.VerseJson verse = MAPPER.readValue(json, ApiModel.VerseJson.class);
        List<Segment> segments = new ArrayList<>();
        for (ApiModel.SegmentJson s : orEmpty(verse.segments())) {
            segments.add(new Segment(orEmpty(s.text()), marks(orEmpty(s.marks())), orEmpty(s.strongs())));
        }
        List<Note> notes = new ArrayList<>();
        for (ApiModel.NoteJson n : orEmpty(verse.notes())) {
            Note.Kind kind = "crossReference".equals(n.kind()) ? Note.Kind.CROSS_REFERENCE : Note.Kind.TRANSLATOR;
            notes.add(new Note(kind, orEmpty(n.text()), orEmpty(n.references())));
        }
        return new VerseContent(orEmpty(verse.text()), segments, notes, orEmpty(verse.title()));
    }

    private static Set<Mark> marks(List<String> names) {
        if (names.isEmpty()) return Set.of();
        EnumSet<Mark> marks = EnumSet.noneOf(Mark.class);
        for (String name : names) {
            switch (name) {
                case "added" -> marks.add(Mark.ADDED);
                case "wordsOfJesus" -> marks.add(Mark.WORDS_OF_JESUS);
                case "divineName" -> marks.add(Mark.DIVINE_NAME);
                default -> throw new IllegalArgumentException("unknown mark " + name);
            }
        }
        return marks;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
