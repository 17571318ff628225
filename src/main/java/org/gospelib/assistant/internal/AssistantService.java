package org.gospelib.assistant.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.gospelib.content.ScriptureText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Answers a question: retrieval, then the cache, then each writer in turn until one finishes,
 * every piece of the answer passing through a {@link CitationGate} on its way to the reader; the
 * answer is kept among the reader's exchanges and in the cache. A writer that fails before it
 * wrote anything is replaced silently; one that fails part way is replaced with a
 * {@link AssistantEvent.Restart}, so the reader drops what it showed.
 */
@Service
class AssistantService {

    private static final Logger log = LoggerFactory.getLogger(AssistantService.class);

    private final Retriever retriever;
    private final CitationVerifier verifier;
    private final Writers writers;
    private final AnswerCache cache;
    private final ExchangeStore exchanges;
    private final ScriptureText text;
    private final MeterRegistry meters;

    AssistantService(Retriever retriever, CitationVerifier verifier, Writers writers, AnswerCache cache, ExchangeStore exchanges,
            ScriptureText text, MeterRegistry meters) {
        this.retriever = retriever;
        this.verifier = verifier;
        this.writers = writers;
        this.cache = cache;
        this.exchanges = exchanges;
        this.text = text;
        this.meters = meters;
    }

    /** A whole answer: what was retrieved, the parts the reader got (after any restart), and how it ended. */
    record Answered(AssistantEvent.Sources sources, List<AnswerPart> parts, AssistantEvent.Done done) {
    }

    Answered answer(UUID userId, Question question, Consumer<AssistantEvent> emit) {
        Instant askedAt = Instant.now();
        long start = System.nanoTime();
        long corpusVersion = text.corpusVersion();
        Retrieved retrieved = retriever.retrieve(question.text(), question.translation());
        AssistantEvent.Sources sources = new AssistantEvent.Sources(retrieved.translation(), retrieved.relevant(),
                retrieved.sources().stream().map(s -> new AssistantEvent.SourceSummary(s.id(), s.kind().id(), s.osis(), s.title()))
                        .toList());
        emit.accept(sources);
        String key = AnswerCache.key(corpusVersion, question, writers.signature());
        var cached = cache.find(key);
        List<AnswerPart> parts;
        String source;
        boolean fromCache = cached.isPresent();
        if (fromCache) {
            parts = cached.get().parts();
            source = cached.get().source();
            for (AnswerPart part : parts) emit.accept(new AssistantEvent.Part(part));
        } else {
            List<AnswerPart> written = new ArrayList<>();
            source = write(question, retrieved, written, emit, start);
            parts = written;
        }
        UUID id = UUID.randomUUID();
        exchanges.save(new ExchangeStore.Stored(id, userId, askedAt, question.translation(), question.language(), question.text(),
                parts, source));
        // an answer from words alone while an index is built is not what the corpus answers once it is
        if (!fromCache && retrieved.whole()) cache.put(key, corpusVersion, new AnswerCache.Cached(parts, source));
        AssistantEvent.Citations citations = AssistantEvent.Citations.of(parts);
        meters.counter("gospelib.assistant.answers", "source", source,
                "outcome", fromCache ? "cached" : retrieved.relevant() ? "answered" : "nothing-found").increment();
        count(citations);
        AssistantEvent.Done done = new AssistantEvent.Done(id, source, fromCache, citations);
        emit.accept(done);
        return new Answered(sources, parts, done);
    }

    /** Asks each writer in turn; the name of the one that answered. */
    private String write(Question question, Retrieved retrieved, List<AnswerPart> parts, Consumer<AssistantEvent> emit, long start) {
        boolean[] first = {true};
        Consumer<AnswerPart> out = part -> {
            if (first[0]) {
                first[0] = false;
                meters.timer("gospelib.assistant.first.part").record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
            }
            parts.add(part);
            emit.accept(new AssistantEvent.Part(part));
        };
        CitationGate.Check check = (reference, quotation) -> verifier.verify(reference, quotation, question.translation());
        if (retrieved.relevant()) {
            List<Writers.Priced> models = writers.models();
            for (int i = 0; i < models.size(); i++) {
                AnswerWriter writer = models.get(i).writer();
                CitationGate gate = new CitationGate(check, out);
                try {
                    AnswerWriter.Usage usage = writer.write(question, retrieved, gate::accept);
                    gate.finish();
                    price(models.get(i), usage);
                    return writer.name();
                } catch (AnswerWriter.WriterFailed e) {
                    String next = i + 1 < models.size() ? models.get(i + 1).writer().name() : ExtractiveWriter.NAME;
                    log.warn("assistant: {}; {} answers instead", e.getMessage(), next);
                    meters.counter("gospelib.assistant.provider.failures", "provider", writer.name()).increment();
                    if (e.partial() || !parts.isEmpty()) {
                        parts.clear();
                        emit.accept(new AssistantEvent.Restart(writer.name(), next));
                    }
                }
            }
        }
        CitationGate gate = new CitationGate(check, out);
        if (retrieved.relevant() && !writers.models().isEmpty()) gate.accept(Messages.modelsUnavailable(question));
        writers.extractive().write(question, retrieved, gate::accept);
        gate.finish();
        return ExtractiveWriter.NAME;
    }

    private void price(Writers.Priced model, AnswerWriter.Usage usage) {
        String provider = model.writer().name();
        meters.counter("gospelib.assistant.tokens", "provider", provider, "kind", "input").increment(usage.inputTokens());
        meters.counter("gospelib.assistant.tokens", "provider", provider, "kind", "output").increment(usage.outputTokens());
        double cost = (usage.inputTokens() * model.provider().inputPrice() + usage.outputTokens() * model.provider().outputPrice()) / 1e6;
        meters.counter("gospelib.assistant.cost.usd", "provider", provider).increment(cost);
    }

    private void count(AssistantEvent.Citations c) {
        meters.counter("gospelib.assistant.citations", "status", "verified").increment(c.verified());
        meters.counter("gospelib.assistant.citations", "status", "removed").increment(c.removed());
        meters.counter("gospelib.assistant.citations", "status", "misquoted").increment(c.misquoted());
    }

}
