package org.gospelib.assistant.internal;

/**
 * A reader's question as asked.
 *
 * @param text        the question, checked and trimmed
 * @param translation the translation the answer quotes and checks citations in
 * @param language    {@code en} or {@code es}: the language the answer is written in
 */
record Question(String text, String translation, String language) {
}
