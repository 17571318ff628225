package org.gospelib.assistant;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Local servers speaking Anthropic's Messages API and OpenAI's Chat Completions as the assistant
 * uses them — streamed as server-sent events in each provider's own shapes (Anthropic's
 * {@code message_start} … {@code content_block_delta} … {@code message_stop}, with its {@code error}
 * event mid-stream; OpenAI's {@code chat.completion.chunk}s ending with {@code [DONE]}), their
 * key headers checked, their error bodies on failure. A test scripts what each does next; with
 * nothing scripted, a provider answers by quoting the first verse the prompt gave it.
 */
public final class LocalModels {

    public static final String ANTHROPIC_KEY = "sk-ant-local-test";
    public static final String OPENAI_KEY = "sk-openai-local-test";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern FIRST_VERSE = Pattern.compile("<source id=\"S\\d+\" kind=\"verse\" ref=\"([^\"]+)\" title=\"[^\"]*\">([^<]*)</source>");
    private static volatile LocalModels shared;

    /** What a provider does with the next request. */
    public sealed interface Behaviour {
    }

    /** Streams these pieces as the answer. */
    public record Answer(List<String> pieces) implements Behaviour {
        public static Answer of(String... pieces) {
            return new Answer(List.of(pieces));
        }
    }

    /** Answers with this HTTP status and the provider's error body (429: rate limited, 529/503: overloaded). */
    public record Fails(int status) implements Behaviour {
    }

    /** Streams these pieces, then fails mid-stream (Anthropic's {@code error} event of type {@code overloaded_error}). */
    public record BreaksAfter(List<String> pieces) implements Behaviour {
    }

    /** Says nothing for this long, then answers with the default answer. */
    public record Hangs(Duration duration) implements Behaviour {
    }

    /** One provider: its script and what it was asked. */
    public static final class Provider {
        private final ConcurrentLinkedQueue<Behaviour> script = new ConcurrentLinkedQueue<>();
        public final List<JsonNode> requests = new CopyOnWriteArrayList<>();
        /** What it does when nothing is scripted: by default, quote the first verse of the prompt. */
        public volatile java.util.function.Function<JsonNode, Behaviour> responder = LocalModels::defaultAnswer;

        public void next(Behaviour... behaviours) {
            script.addAll(List.of(behaviours));
        }

        public void reset() {
            script.clear();
            requests.clear();
            responder = LocalModels::defaultAnswer;
        }
    }

    public final Provider anthropic = new Provider();
    public final Provider openai = new Provider();
    public final Provider ollama = new Provider();
    private final HttpServer server;

    private LocalModels() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/anthropic/v1/messages", e -> serve(e, anthropic, new Wire(
                x -> ANTHROPIC_KEY.equals(x.getRequestHeaders().getFirst("x-api-key"))
                        && x.getRequestHeaders().getFirst("anthropic-version") != null
                        ? Optional.empty() : Optional.of(anthropicError("authentication_error", "invalid x-api-key")),
                status -> anthropicError(status == 429 ? "rate_limit_error" : "overloaded_error",
                        status == 429 ? "Number of request tokens has exceeded your per-minute rate limit" : "Overloaded"),
                this::anthropicStream)));
        server.createContext("/openai/v1/chat/completions", e -> serve(e, openai, new Wire(
                x -> ("Bearer " + OPENAI_KEY).equals(x.getRequestHeaders().getFirst("Authorization"))
                        ? Optional.empty() : Optional.of(openaiError("invalid_api_key", "Incorrect API key provided")),
                status -> openaiError(status == 429 ? "rate_limit_exceeded" : "server_error",
                        status == 429 ? "Rate limit reached" : "The server had an error"),
                this::openaiStream)));
        // a self-hosted Ollama takes no key
        server.createContext("/ollama/api/chat", e -> serve(e, ollama, new Wire(x -> Optional.empty(),
                status -> "{\"error\":\"model is overloaded\"}", this::ollamaStream)));
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public static synchronized LocalModels shared() {
        if (shared == null) {
            try {
                shared = new LocalModels();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return shared;
    }

    public void reset() {
        anthropic.reset();
        openai.reset();
        ollama.reset();
    }

    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Points the application under test at the shared servers, with short timeouts. */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("gospelib.assistant.anthropic.api-key", ANTHROPIC_KEY);
            properties.put("gospelib.assistant.anthropic.base-url", shared().base() + "/anthropic/v1/");
            properties.put("gospelib.assistant.openai.api-key", OPENAI_KEY);
            properties.put("gospelib.assistant.openai.base-url", shared().base() + "/openai/v1");
            properties.put("gospelib.assistant.first-token", "3s");
            properties.put("gospelib.assistant.idle", "3s");
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("local-models", properties));
        }
    }

    // ---- Anthropic


    private static String anthropicError(String type, String message) {
        return JSON.createObjectNode().put("type", "error").set("error",
                JSON.createObjectNode().put("type", type).put("message", message)).toString();
    }

    private void anthropicStream(HttpExchange exchange, List<String> pieces, boolean breaks) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        event(out, "message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_local\",\"type\":\"message\",\"role\":\"assistant\","
                + "\"model\":\"claude-sonnet-4-5\",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,"
                + "\"usage\":{\"input_tokens\":812,\"output_tokens\":1}}}");
        event(out, "content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
        event(out, "ping", "{\"type\":\"ping\"}");
        for (String piece : pieces) {
            ObjectNode delta = JSON.createObjectNode().put("type", "content_block_delta").put("index", 0);
            delta.set("delta", JSON.createObjectNode().put("type", "text_delta").put("text", piece));
            event(out, "content_block_delta", delta.toString());
        }
        if (breaks) {
            event(out, "error", anthropicError("overloaded_error", "Overloaded"));
            return;
        }
        event(out, "content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}");
        event(out, "message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},"
                + "\"usage\":{\"output_tokens\":" + (10 * pieces.size()) + "}}");
        event(out, "message_stop", "{\"type\":\"message_stop\"}");
    }

    // ---- OpenAI


    private static String openaiError(String code, String message) {
        return JSON.createObjectNode().set("error", JSON.createObjectNode().put("message", message).put("type", "requests")
                .put("code", code)).toString();
    }

    private void openaiStream(HttpExchange exchange, List<String> pieces, boolean breaks) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        data(out, chunk("{\"role\":\"assistant\",\"content\":\"\"}", null));
        for (String piece : pieces) data(out, chunk(JSON.createObjectNode().put("content", piece).toString(), null));
        if (breaks) {
            data(out, "{\"error\":{\"message\":\"The server had an error while processing your request.\",\"type\":\"server_error\"}}");
            return;
        }
        data(out, chunk("{}", "stop"));
        data(out, "{\"id\":\"chatcmpl-local\",\"object\":\"chat.completion.chunk\",\"created\":1764800000,\"model\":\"gpt-4o-mini\","
                + "\"choices\":[],\"usage\":{\"prompt_tokens\":790,\"completion_tokens\":" + (10 * pieces.size())
                + ",\"total_tokens\":" + (790 + 10 * pieces.size()) + "}}");
        data(out, "[DONE]");
    }

    private static String chunk(String delta, String finish) {
        return "{\"id\":\"chatcmpl-local\",\"object\":\"chat.completion.chunk\",\"created\":1764800000,\"model\":\"gpt-4o-mini\","
                + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + (finish == null ? "null" : "\"" + finish + "\"")
                + "}]}";
    }

    // ---- Ollama: newline-delimited JSON, one message chunk per line, the last with the counts


    private void ollamaStream(HttpExchange exchange, List<String> pieces, boolean breaks) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/x-ndjson");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        for (String piece : pieces) {
            ObjectNode line = JSON.createObjectNode().put("model", "llama3.1").put("created_at", "2026-12-04T10:00:00Z");
            line.set("message", JSON.createObjectNode().put("role", "assistant").put("content", piece));
            line.put("done", false);
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
        if (breaks) {
            out.write("{\"error\":\"an error was encountered while running the model\"}\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        ObjectNode last = JSON.createObjectNode().put("model", "llama3.1").put("created_at", "2026-12-04T10:00:01Z");
        last.set("message", JSON.createObjectNode().put("role", "assistant").put("content", ""));
        last.put("done", true).put("done_reason", "stop").put("prompt_eval_count", 640).put("eval_count", 10 * pieces.size());
        out.write((last + "\n").getBytes(StandardCharsets.UTF_8));
    }

    // ---- shared

    /** Writes an answer in a provider's streaming format; {@code breaks}: fail part way instead of finishing. */
    private interface Streamer {
        void stream(HttpExchange exchange, List<String> pieces, boolean breaks) throws IOException;
    }

    /**
     * What differs between the providers' wire protocols: how a request's key is refused (the
     * 401 body, or empty when it is right), the error body of a failure, and the stream.
     */
    private record Wire(java.util.function.Function<HttpExchange, Optional<String>> refusal,
            java.util.function.IntFunction<String> error, Streamer streamer) {
    }

    private void serve(HttpExchange exchange, Provider provider, Wire wire) throws IOException {
        try (exchange) {
            JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
            provider.requests.add(request);
            Optional<String> refused = wire.refusal().apply(exchange);
            if (refused.isPresent()) {
                error(exchange, 401, refused.get());
                return;
            }
            Behaviour next = next(provider, request);
            if (next instanceof Hangs h) {
                sleep(h.duration());
                next = provider.responder.apply(request);
            }
            switch (next) {
                case Fails f -> error(exchange, f.status(), wire.error().apply(f.status()));
                case Answer a -> wire.streamer().stream(exchange, a.pieces(), false);
                case BreaksAfter b -> wire.streamer().stream(exchange, b.pieces(), true);
                case Hangs h -> throw new IllegalStateException("a provider hangs once, then answers");
            }
        }
    }

    private static Behaviour next(Provider provider, JsonNode request) {
        Behaviour b = provider.script.poll();
        return b == null ? provider.responder.apply(request) : b;
    }

    /** Quotes the first verse of the prompt, with its citation, in three pieces. */
    public static Answer defaultAnswer(JsonNode request) {
        Matcher m = FIRST_VERSE.matcher(allText(request));
        if (!m.find()) return Answer.of("The library holds nothing that answers this question.");
        String text = m.group(2).replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        List<String> words = new ArrayList<>(List.of(text.split(" ")));
        String quote = String.join(" ", words.subList(0, Math.min(8, words.size())));
        return Answer.of("The Bible speaks to this: \u201C" + quote.substring(0, quote.length() / 2),
                quote.substring(quote.length() / 2) + "\u201D [" + m.group(1), "] says it plainly.");
    }

    /** Every string in a request, joined: the prompt's text whatever shape the provider's messages take. */
    public static String allText(JsonNode node) {
        StringBuilder s = new StringBuilder();
        collect(node, s);
        return s.toString();
    }

    private static void collect(JsonNode node, StringBuilder s) {
        if (node.isString()) {
            s.append(node.asString()).append('\n');
        } else {
            for (JsonNode child : node) collect(child, s);
        }
    }

    private static void event(OutputStream out, String name, String data) throws IOException {
        out.write(("event: " + name + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void data(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void error(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (status == 429) exchange.getResponseHeaders().set("retry-after", "30");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
