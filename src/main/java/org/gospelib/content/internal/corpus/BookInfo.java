package org.gospelib.content.internal.corpus;

import java.util.List;

/** A book as a translation names and lays it out. */
public record BookInfo(String osisId, String name, String longName, String abbreviation, String testament,
        int chapterCount, int verseCount, List<Integer> versesPerChapter) {

    public BookInfo {
        versesPerChapter = List.copyOf(versesPerChapter);
    }
}
