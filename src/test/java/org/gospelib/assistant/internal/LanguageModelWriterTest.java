package org.gospelib.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import java.time.Duration;
import java.util.List;
import org.gospelib.assistant.LocalModels;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A self-hosted Ollama as a writer, against a local server speaking its streaming chat API. */
class LanguageModelWriterTest {

    final LocalModels models = LocalModels.shared();
    final LanguageModelWriter ollama = new LanguageModelWriter("ollama", OllamaStreamingChatModel.builder()
            .baseUrl(models.base() + "/ollama").modelName("llama3.1").timeout(Duration.ofSeconds(30)).build(),
            Duration.ofSeconds(2), Duration.ofSeconds(2));
    final Retrieved retrieved = new Retrieved("KJV", List.of(new Source("S1", Source.Kind.VERSE, "John.11.35", "John 11:35",
            "Jesus wept.")), true, 0.8);
    final Question question = new Question("Did Jesus weep?", "KJV", "en");

    @BeforeEach
    void fresh() {
        models.reset();
    }

    @Test
    void anOllamaAnswerStreamsWithItsTokenCounts() {
        StringBuilder out = new StringBuilder();
        AnswerWriter.Usage usage = ollama.write(question, retrieved, out::append);
        assertThat(out.toString()).isEqualTo("The Bible speaks to this: \u201CJesus wept.\u201D [John.11.35] says it plainly.");
        assertThat(usage).isEqualTo(new AnswerWriter.Usage(640, 30));
        var request = models.ollama.requests.getFirst();
        assertThat(request.get("stream").asBoolean()).isTrue();
        assertThat(request.get("messages").get(0).get("role").asString()).isEqualTo("system");
        assertThat(request.get("messages").get(1).get("content").asString()).contains("<source id=\"S1\" kind=\"verse\" ref=\"John.11.35\"");
        assertThat(request.path("tools").size()).as("tools offered").isZero();
    }

    @Test
    void aSilentOrFailingModelFailsTheWriterAndSaysWhetherItHadWritten() {
        models.ollama.next(new LocalModels.Hangs(Duration.ofSeconds(6)));
        assertThatThrownBy(() -> ollama.write(question, retrieved, s -> { }))
                .isInstanceOfSatisfying(AnswerWriter.WriterFailed.class, e -> assertThat(e.partial()).isFalse())
                .hasMessageContaining("sent nothing within 2 s");
        models.ollama.next(new LocalModels.Fails(503));
        assertThatThrownBy(() -> ollama.write(question, retrieved, s -> { }))
                .isInstanceOfSatisfying(AnswerWriter.WriterFailed.class, e -> assertThat(e.partial()).isFalse());
        models.ollama.next(new LocalModels.BreaksAfter(List.of("Jesus ", "wept")));
        StringBuilder partial = new StringBuilder();
        assertThatThrownBy(() -> ollama.write(question, retrieved, partial::append))
                .isInstanceOfSatisfying(AnswerWriter.WriterFailed.class, e -> assertThat(e.partial()).isTrue());
        assertThat(partial.toString()).isEqualTo("Jesus wept");
    }
}
