package org.gospelib.scripture;

import java.util.List;
import java.util.Set;

/**
 * A run of a verse's reading text with uniform marks; a word tagged with Strong's numbers is a
 * segment of its own.
 *
 * @param text    the characters, spacing included, so that concatenating all segments gives the
 *                verse's plain text
 * @param marks   how the run is set apart, empty for plain text
 * @param strongs normalised Strong's numbers ({@code H430}, {@code G26}), empty when untagged
 */
public record Segment(String text, Set<Mark> marks, List<String> strongs) {

    public Segment {
        marks = Set.copyOf(marks);
        strongs = List.copyOf(strongs);
    }

    public static Segment plain(String text) {
        return new Segment(text, Set.of(), List.of());
    }

    public boolean has(Mark mark) {
        return marks.contains(mark);
    }
}
