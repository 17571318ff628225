package org.gospelib.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gospelib.support.RunningApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Retrieval on the real corpus: what bears on a question and what does not, by meaning where the
 * translation has embeddings (KJV, WEB) and by its words where it has not (RV1909).
 */
class RetrieverTests extends RunningApplication {

    @Autowired
    Retriever retriever;

    @Test
    void questionsAboutScriptureFindPassagesAndOthersFindNothing() {
        for (String q : List.of("How does the Bible describe God's love for the world?", "What is faith?",
                "What does scripture say about forgiving one another?", "Who was Moses?", "What happened at Pentecost?")) {
            Retrieved r = retriever.retrieve(q, "WEB");
            assertThat(r.relevant()).as(q + " (similarity " + r.similarity() + ")").isTrue();
            assertThat(r.of(Source.Kind.VERSE)).as(q).hasSizeGreaterThanOrEqualTo(Retriever.VERSES);
        }
        for (String q : List.of("What is the capital city of France and its population?", "How do I fix my car's transmission?",
                "Who won the football world cup in 2018?", "What is the best programming language?")) {
            Retrieved r = retriever.retrieve(q, "KJV");
            assertThat(r.relevant()).as(q + " (similarity " + r.similarity() + ")").isFalse();
        }
    }

    @Test
    void aTranslationWithoutEmbeddingsIsSearchedByItsWords() {
        assertThat(retriever.retrieve("¿Qué dice la Biblia sobre el amor de Dios?", "RV1909").relevant()).isTrue();
        Retrieved moses = retriever.retrieve("¿Quién fue Moisés?", "RV1909");
        assertThat(moses.relevant()).isTrue();
        // no embeddings for good, not an index still being built: the answer may be kept for others
        assertThat(moses.whole()).isTrue();
        assertThat(retriever.retrieve("¿Cuál es la capital de Francia?", "RV1909").relevant()).isFalse();
    }

    @Test
    void aPassageTheQuestionNamesComesFirstWithWhatTheGraphRelatesToIt() {
        Retrieved r = retriever.retrieve("What does John 3:16 mean?", "KJV");
        assertThat(r.relevant()).isTrue();
        assertThat(r.sources().getFirst().osis()).isEqualTo("John.3.16");
        assertThat(r.sources().getFirst().id()).isEqualTo("S1");
        assertThat(r.of(Source.Kind.COMMENTARY)).isNotEmpty();
        assertThat(r.of(Source.Kind.TOPIC)).isNotEmpty();
        Retrieved lemma = retriever.retrieve("What does G26 mean in the New Testament?", "KJV");
        assertThat(lemma.of(Source.Kind.LEMMA)).extracting(Source::title).anySatisfy(t -> assertThat(t).startsWith("G26"));
    }
}
