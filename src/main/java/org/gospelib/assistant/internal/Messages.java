package org.gospelib.assistant.internal;

/** What the assistant says in its own words, in the reader's language. */
final class Messages {

    private Messages() {
    }

    static String nothingFound(Question question) {
        return question.language().equals("es")
                ? "No encontré pasajes en " + question.translation() + " que respondan a esta pregunta, así que no la "
                        + "responderé de memoria. Prueba con otras palabras o busca palabras del pasaje que recuerdes."
                : "I found no passages in " + question.translation() + " that answer this question, so I will not "
                        + "answer it from memory. Try other words, or search for words of the passage you remember.";
    }

    static String modelsUnavailable(Question question) {
        return question.language().equals("es")
                ? "El asistente no está disponible ahora; estos son los pasajes que encontré.\n\n"
                : "The assistant's language model is not available right now; here are the passages I found.\n\n";
    }
}
