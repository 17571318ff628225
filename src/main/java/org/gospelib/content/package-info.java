/**
 * Content: serves the scripture text. Passages in several translations aligned side by side,
 * single verses, translations and their books, and the parse of a reference. Answers from an
 * immutable in-memory snapshot of the corpus, loaded at start and swapped whenever the corpus in
 * the database changes, never from SQL per request.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Content")
package org.gospelib.content;
