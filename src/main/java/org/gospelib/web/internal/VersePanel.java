package org.gospelib.web.internal;

import java.util.List;
import org.gospelib.content.ReferenceLibrary;

/** The side panel of a selected verse: its related verses, topics and commentary. */
record VersePanel(String osis, String label, String translation, String text, List<Related> related,
        List<ReferenceLibrary.TopicSummary> topics, List<Commentary> commentary) {

    /** A related verse with its text in the panel's translation and why it is related. */
    record Related(String osis, String label, String href, String text, String reasons) {
    }

    /** A commentary entry with the range it covers, in words. */
    record Commentary(String module, String covers, String title, String text) {
    }
}
