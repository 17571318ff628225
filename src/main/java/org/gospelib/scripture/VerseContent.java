package org.gospelib.scripture;

import java.util.List;
import java.util.Optional;

/**
 * The canonical model of one verse of one translation, free of the source markup.
 *
 * @param text     plain reading text: no notes, no titles, whitespace collapsed
 * @param segments the reading text as marked runs; their texts concatenate to {@code text}
 * @param notes    translator and cross-reference notes, in order of appearance
 * @param title    a heading carried by the verse, such as a psalm title or an epistle's
 *                 subscription, or empty
 */
public record VerseContent(String text, List<Segment> segments, List<Note> notes, String title) {

    public static final VerseContent EMPTY = new VerseContent("", List.of(), List.of(), "");

    public VerseContent {
        segments = List.copyOf(segments);
        notes = List.copyOf(notes);
    }

    public boolean isEmpty() {
        return text.isBlank();
    }

    public Optional<String> titleIfAny() {
        return title.isBlank() ? Optional.empty() : Optional.of(title);
    }
}
