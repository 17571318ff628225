package org.gospelib.content.internal;

import java.util.List;

/** A book as a translation names and lays it out. */
record BookInfo(String osisId, String name, String longName, String abbreviation, String testament,
        int chapterCount, int verseCount, List<Integer> versesPerChapter) {

    BookInfo {
        versesPerChapter = List.copyOf(versesPerChapter);
    }
}
