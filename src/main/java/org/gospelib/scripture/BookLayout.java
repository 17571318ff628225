package org.gospelib.scripture;

import java.util.List;

/**
 * A book as one versification system lays it out.
 *
 * @param osisId        OSIS book id
 * @param testament     the testament SWORD files the book under
 * @param versesPerChapter verse count of each chapter, chapter 1 first
 */
public record BookLayout(String osisId, Testament testament, List<Integer> versesPerChapter) {

    public BookLayout {
        versesPerChapter = List.copyOf(versesPerChapter);
    }

    public int chapterCount() {
        return versesPerChapter.size();
    }

    /** Verses in the chapter, or 0 when the chapter does not exist. */
    public int verseCount(int chapter) {
        return chapter >= 1 && chapter <= versesPerChapter.size() ? versesPerChapter.get(chapter - 1) : 0;
    }

    public int totalVerses() {
        return versesPerChapter.stream().mapToInt(Integer::intValue).sum();
    }
}
