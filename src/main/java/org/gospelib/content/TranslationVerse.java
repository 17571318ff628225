package org.gospelib.content;

import org.gospelib.scripture.VerseContent;
import org.gospelib.scripture.VerseRef;

/**
 * A verse of one translation, placed by KJV numbering and by the translation's own.
 *
 * @param kjvRef    where the verse sits in KJV numbering
 * @param nativeRef where the translation itself numbers it
 * @param content   its text, marks, Strong's numbers and notes
 */
public record TranslationVerse(VerseRef kjvRef, VerseRef nativeRef, VerseContent content) {
}
