package org.gospelib.ingest;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.gospelib.scripture.Mark;
import org.gospelib.scripture.Note;
import org.gospelib.scripture.Segment;
import org.gospelib.scripture.VerseContent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The stored form of {@link VerseContent}: compact JSON with one-letter keys, because the corpus
 * holds about 100,000 verses and each is loaded at every start. Ingest owns the verse table and
 * writes it; the content snapshot reads it; the two must agree, so the format lives here, with its
 * owner, and nowhere else (the scripture kernel stays free of any JSON library).
 */
public final class VerseContentJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private VerseContentJson() {
    }

    public static String write(VerseContent content) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("t", content.text());
        ArrayNode segments = root.putArray("s");
        for (Segment segment : content.segments()) {
            ObjectNode s = segments.addObject();
            s.put("t", segment.text());
            if (!segment.marks().isEmpty()) s.put("m", marksCode(segment.marks()));
            if (!segment.strongs().isEmpty()) {
                ArrayNode strongs = s.putArray("n");
                segment.strongs().forEach(strongs::add);
            }
        }
        if (!content.notes().isEmpty()) {
            ArrayNode notes = root.putArray("n");
            for (Note note : content.notes()) {
                ObjectNode n = notes.addObject();
                n.put("k", note.kind() == Note.Kind.CROSS_REFERENCE ? "x" : "t");
                n.put("t", note.text());
                if (!note.references().isEmpty()) {
                    ArrayNode refs = n.putArray("r");
                    note.references().forEach(refs::add);
                }
            }
        }
        if (!content.title().isEmpty()) root.put("h", content.title());
        return MAPPER.writeValueAsString(root);
    }

    public static VerseContent read(String json) {
        JsonNode root = MAPPER.readTree(json);
        List<Segment> segments = new ArrayList<>();
        for (JsonNode s : root.path("s")) {
            segments.add(new Segment(s.path("t").asString(), marks(s.path("m").asString("")), strings(s.path("n"))));
        }
        List<Note> notes = new ArrayList<>();
        for (JsonNode n : root.path("n")) {
            Note.Kind kind = "x".equals(n.path("k").asString()) ? Note.Kind.CROSS_REFERENCE : Note.Kind.TRANSLATOR;
            notes.add(new Note(kind, n.path("t").asString(), strings(n.path("r"))));
        }
        return new VerseContent(root.path("t").asString(), segments, notes, root.path("h").asString(""));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>(array.size());
        for (JsonNode value : array) values.add(value.asString());
        return values;
    }

    private static String marksCode(Set<Mark> marks) {
        StringBuilder code = new StringBuilder(3);
        if (marks.contains(Mark.ADDED)) code.append('a');
        if (marks.contains(Mark.WORDS_OF_JESUS)) code.append('j');
        if (marks.contains(Mark.DIVINE_NAME)) code.append('d');
        return code.toString();
    }

    private static Set<Mark> marks(String code) {
        if (code.isEmpty()) return Set.of();
        EnumSet<Mark> marks = EnumSet.noneOf(Mark.class);
        if (code.indexOf('a') >= 0) marks.add(Mark.ADDED);
        if (code.indexOf('j') >= 0) marks.add(Mark.WORDS_OF_JESUS);
        if (code.indexOf('d') >= 0) marks.add(Mark.DIVINE_NAME);
        return marks;
    }
}
