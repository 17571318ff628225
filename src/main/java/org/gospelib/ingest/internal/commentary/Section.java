package org.gospelib.ingest.internal.commentary;

import java.util.List;

/**
 * A stretch of one entry's text: the whole entry, or in a work that comments on a whole psalm
 * at once, the part about some of its verses.
 *
 * @param title      heading of the section, or ""
 * @param firstVerse first verse the section is about, from its verse marker; 0 when it has none
 *                   (a section about the whole entry)
 * @param lastVerse  last verse the section is about; 0 when it has no verse marker
 * @param text       plain text, paragraphs separated by a blank line
 * @param citedOsis  distinct OSIS ranges cited, in order
 * @param unresolved marked-up references that could not be read
 */
record Section(String title, int firstVerse, int lastVerse, String text, List<String> citedOsis, int unresolved) {

    boolean isWhole() {
        return firstVerse == 0;
    }
}
