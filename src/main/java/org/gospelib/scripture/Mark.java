package org.gospelib.scripture;

/** How a run of reading text is set apart in print. */
public enum Mark {
    /** Words the translators supplied (italics in the KJV). */
    ADDED,
    /** Words spoken by Jesus (red letters). */
    WORDS_OF_JESUS,
    /** The divine name, printed LORD in small capitals. */
    DIVINE_NAME
}
