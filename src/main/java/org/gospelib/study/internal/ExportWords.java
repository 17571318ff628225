package org.gospelib.study.internal;

import java.util.Locale;

/** The words of an export around what the reader wrote, in the reader's language (English or Spanish). */
record ExportWords(Locale locale, String title, String exportedOn, String versesFrom, String notes, String highlights,
        String bookmarks, String questions, String tags) {

    static final ExportWords ENGLISH = new ExportWords(Locale.ENGLISH, "My study notes", "Exported from GospeLib on %s.",
            "Verses quoted from the %s.", "Notes", "Highlights", "Bookmarks", "Questions to the assistant", "Tags");
    static final ExportWords SPANISH = new ExportWords(Locale.forLanguageTag("es"), "Mis notas de estudio",
            "Exportado de GospeLib el %s.", "Versículos citados de la %s.", "Notas", "Resaltados", "Marcadores",
            "Preguntas al asistente", "Etiquetas");

    /** The words for a language tag ({@code es}, {@code es-MX}: Spanish; anything else: English). */
    static ExportWords of(String language) {
        return language != null && language.toLowerCase(Locale.ROOT).startsWith("es") ? SPANISH : ENGLISH;
    }
}
