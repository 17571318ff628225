package org.gospelib.content;

/**
 * A translation GospeLib serves.
 *
 * @param id            short, stable id used in URLs: {@code KJV}, {@code WEB}, {@code RV1909}
 * @param name          full name
 * @param language      ISO 639 code
 * @param license       distribution license as the module states it
 * @param versification the numbering system the module uses natively
 * @param verseCount    verses with text
 */
public record TranslationInfo(String id, String name, String language, String license, String versification,
        int verseCount) {
}
