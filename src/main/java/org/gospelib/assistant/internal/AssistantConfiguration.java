package org.gospelib.assistant.internal;

import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.gospelib.content.ReferenceLibrary;
import org.gospelib.content.ScriptureText;
import org.gospelib.search.VerseSearch;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The writers the assistant tries in turn — the configured providers, then the extractive writer — and retrieval. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AssistantProperties.class)
class AssistantConfiguration {

    @Bean
    Writers assistantWriters(AssistantProperties properties) {
        List<Writers.Priced> models = new ArrayList<>();
        Duration timeout = properties.firstToken().plus(Duration.ofMinutes(2));
        AssistantProperties.Provider anthropic = properties.anthropic();
        anthropic.key().ifPresent(key -> models.add(new Writers.Priced(new LanguageModelWriter("anthropic",
                AnthropicStreamingChatModel.builder().apiKey(key).baseUrl(anthropic.baseUrl()).modelName(anthropic.model())
                        .maxTokens(anthropic.maxTokens()).timeout(timeout).build(),
                properties.firstToken(), properties.idle()), anthropic)));
        AssistantProperties.Provider openai = properties.openai();
        openai.key().ifPresent(key -> models.add(new Writers.Priced(new LanguageModelWriter("openai",
                OpenAiStreamingChatModel.builder().apiKey(key).baseUrl(openai.baseUrl()).modelName(openai.model())
                        .maxTokens(openai.maxTokens()).timeout(timeout).build(),
                properties.firstToken(), properties.idle()), openai)));
        AssistantProperties.Provider ollama = properties.ollama();
        if (!ollama.baseUrl().isBlank()) {
            models.add(new Writers.Priced(new LanguageModelWriter("ollama",
                    OllamaStreamingChatModel.builder().baseUrl(ollama.baseUrl()).modelName(ollama.model())
                            .numPredict(ollama.maxTokens()).timeout(timeout).build(),
                    properties.firstToken(), properties.idle()), ollama));
        }
        return new Writers(models, new ExtractiveWriter());
    }

    @Bean
    Retriever assistantRetriever(VerseSearch search, ScriptureText text, ReferenceLibrary library) {
        return new Retriever(search, text, library);
    }

    @Bean
    CitationVerifier citationVerifier(ScriptureText text) {
        return new CitationVerifier(text);
    }
}
