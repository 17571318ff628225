package org.gospelib.assistant.internal;

import java.util.List;
import java.util.function.Consumer;

/**
 * The answer without a language model: the best passages quoted with their citations, then the
 * topics that gather them and what the commentaries say. Nothing is composed, so nothing can be
 * invented; it is what collapsed GospeLib answers with no provider key.
 */
final class ExtractiveWriter implements AnswerWriter {

    static final String NAME = "extractive";
    private static final int QUOTED = 5;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Usage write(Question question, Retrieved retrieved, Consumer<String> out) {
        boolean spanish = question.language().equals("es");
        if (!retrieved.relevant()) {
            out.accept(Messages.nothingFound(question));
            return Usage.NONE;
        }
        List<Source> verses = retrieved.of(Source.Kind.VERSE);
        out.accept(spanish ? "Estos pasajes tratan de tu pregunta:\n\n" : "These passages speak to your question:\n\n");
        for (Source verse : verses.subList(0, Math.min(QUOTED, verses.size()))) {
            out.accept("- \u201C" + verse.text().replace('\u201C', '\'').replace('\u201D', '\'').replace('"', '\'')
                    + "\u201D [" + verse.osis() + "]\n");
        }
        if (verses.size() > QUOTED) {
            out.accept(spanish ? "\nVéase también " : "\nSee also ");
            List<Source> more = verses.subList(QUOTED, verses.size());
            for (int i = 0; i < more.size(); i++) out.accept((i == 0 ? "" : ", ") + "[" + more.get(i).osis() + "]");
            out.accept(".\n");
        }
        List<Source> topics = retrieved.of(Source.Kind.TOPIC);
        if (!topics.isEmpty()) {
            out.accept(spanish ? "\nTemas (Nave): " : "\nTopics (Nave's): ");
            out.accept(String.join("; ", topics.stream().map(t -> t.title().replaceFirst("^Topic: ", "")).toList()));
            out.accept(".\n");
        }
        for (Source c : retrieved.of(Source.Kind.COMMENTARY).stream().limit(2).toList()) {
            out.accept("\n" + c.title().replaceAll("[\\[\\]]", "") + ": " + c.text().replaceAll("[\\[\\]\"\u201C\u201D]", "") + "\n");
        }
        for (Source l : retrieved.of(Source.Kind.LEMMA)) {
            out.accept("\n" + l.title() + ": " + l.text().replaceAll("[\\[\\]\"\u201C\u201D]", "") + "\n");
        }
        return Usage.NONE;
    }
}
