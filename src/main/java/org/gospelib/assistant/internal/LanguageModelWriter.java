package org.gospelib.assistant.internal;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.output.TokenUsage;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * An answer written by a language model through LangChain4j's streaming chat API. Its callbacks
 * arrive on the HTTP client's threads; they are queued and handed on by the caller's thread, which
 * also keeps the time: no first token within {@code firstToken}, or a silence of {@code idle}
 * later, and the stream is cancelled and the writer has failed.
 */
final class LanguageModelWriter implements AnswerWriter {

    private final String name;
    private final StreamingChatModel model;
    private final Duration firstToken;
    private final Duration idle;

    LanguageModelWriter(String name, StreamingChatModel model, Duration firstToken, Duration idle) {
        this.name = name;
        this.model = model;
        this.firstToken = firstToken;
        this.idle = idle;
    }

    @Override
    public String name() {
        return name;
    }

    private sealed interface Signal {
    }

    private record Partial(String text) implements Signal {
    }

    private record Complete(ChatResponse response) implements Signal {
    }

    private record Failed(Throwable error) implements Signal {
    }

    @Override
    public Usage write(Question question, Retrieved retrieved, Consumer<String> out) {
        Prompt prompt = Prompt.of(question, retrieved);
        BlockingQueue<Signal> signals = new LinkedBlockingQueue<>();
        AtomicReference<StreamingHandle> handle = new AtomicReference<>();
        ChatRequest request = ChatRequest.builder()
                .messages(SystemMessage.from(prompt.system()), UserMessage.from(prompt.user())).build();
        try {
            model.chat(request, new StreamingChatResponseHandler() {
                @Override
                public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                    handle.compareAndSet(null, context.streamingHandle());
                    signals.add(new Partial(partial.text()));
                }

                @Override
                public void onCompleteResponse(ChatResponse response) {
                    signals.add(new Complete(response));
                }

                @Override
                public void onError(Throwable error) {
                    signals.add(new Failed(error));
                }
            });
        } catch (RuntimeException e) {
            throw new WriterFailed(name + " refused the request: " + e.getMessage(), false, e);
        }
        boolean wrote = false;
        while (true) {
            Signal signal;
            try {
                signal = signals.poll((wrote ? idle : firstToken).toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                cancel(handle);
                Thread.currentThread().interrupt();
                throw new WriterFailed(name + " was interrupted", wrote, e);
            }
            switch (signal) {
                case null -> {
                    cancel(handle);
                    throw new WriterFailed(name + (wrote ? " fell silent for " + idle.toSeconds() + " s"
                            : " sent nothing within " + firstToken.toSeconds() + " s"), wrote, null);
                }
                case Partial p -> {
                    if (!p.text().isEmpty()) {
                        out.accept(p.text());
                        wrote = true;
                    }
                }
                case Failed f -> throw new WriterFailed(name + " failed: " + f.error().getMessage(), wrote, f.error());
                case Complete c -> {
                    if (!wrote) {
                        String whole = c.response().aiMessage() == null ? null : c.response().aiMessage().text();
                        if (whole == null || whole.isBlank()) throw new WriterFailed(name + " answered nothing", false, null);
                        out.accept(whole);
                    }
                    TokenUsage usage = c.response().tokenUsage();
                    return usage == null ? Usage.NONE : new Usage(orZero(usage.inputTokenCount()), orZero(usage.outputTokenCount()));
                }
            }
        }
    }

    private static void cancel(AtomicReference<StreamingHandle> handle) {
        StreamingHandle h = handle.get();
        if (h != null) {
            try {
                h.cancel();
            } catch (RuntimeException ignored) {
                // the stream is being abandoned either way
            }
        }
    }

    private static long orZero(Integer n) {
        return n == null ? 0 : n;
    }
}
