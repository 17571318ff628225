package org.gospelib.assistant.internal;

/**
 * A piece of the corpus retrieved for a question, as the answer may use it.
 *
 * @param id    how the prompt names it ({@code S1}, {@code S2}, …)
 * @param osis  the passage it is, or is about; empty for a topic or lemma without one
 * @param title what it is, for people: {@code John 3:16}, {@code Topic: Love}, {@code MHCC on John 3:16-18}
 */
record Source(String id, Kind kind, String osis, String title, String text) {

    enum Kind {
        VERSE, TOPIC, COMMENTARY, LEMMA;

        String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
