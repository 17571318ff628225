package org.gospelib.assistant.internal;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The assistant's settings, bound from {@code gospelib.assistant.*}. Each provider is used when
 * configured (a key for Anthropic and OpenAI, an address for Ollama), in the order Anthropic,
 * OpenAI, Ollama: each next one takes over when the one before fails, times out or is rate
 * limited. With none, answers are extractive.
 *
 * @param firstToken how long a provider may take to send the first piece of its answer
 * @param idle       how long it may fall silent after that
 */
@ConfigurationProperties("gospelib.assistant")
record AssistantProperties(Provider anthropic, Provider openai, Provider ollama, Duration firstToken, Duration idle) {

    AssistantProperties {
        anthropic = Provider.orDefaults(anthropic, "https://api.anthropic.com/v1/", "claude-sonnet-4-5", 3.0, 15.0);
        openai = Provider.orDefaults(openai, "https://api.openai.com/v1", "gpt-4o-mini", 0.15, 0.60);
        ollama = Provider.orDefaults(ollama, "", "llama3.1", 0, 0);
        if (firstToken == null) firstToken = Duration.ofSeconds(20);
        if (idle == null) idle = Duration.ofSeconds(20);
    }

    /**
     * @param apiKey          the provider's key (Anthropic, OpenAI)
     * @param baseUrl         its API; Ollama is used only when this is set
     * @param model           the model asked
     * @param inputPrice      US dollars per million input tokens, for the cost metric
     * @param outputPrice     US dollars per million output tokens
     * @param maxTokens       the longest answer asked for
     */
    record Provider(String apiKey, String baseUrl, String model, double inputPrice, double outputPrice, int maxTokens) {

        static Provider orDefaults(Provider p, String baseUrl, String model, double in, double out) {
            if (p == null) return new Provider("", baseUrl, model, in, out, 800);
            return new Provider(p.apiKey == null ? "" : p.apiKey.strip(),
                    p.baseUrl == null || p.baseUrl.isBlank() ? baseUrl : p.baseUrl.strip(),
                    p.model == null || p.model.isBlank() ? model : p.model.strip(),
                    p.inputPrice == 0 && p.outputPrice == 0 ? in : p.inputPrice,
                    p.inputPrice == 0 && p.outputPrice == 0 ? out : p.outputPrice,
                    p.maxTokens <= 0 ? 800 : p.maxTokens);
        }

        Optional<String> key() {
            return apiKey.isBlank() ? Optional.empty() : Optional.of(apiKey);
        }

        URI uri() {
            return URI.create(baseUrl);
        }
    }
}
