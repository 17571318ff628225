package org.gospelib.platform;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Carries a trace across what is not an HTTP call — a Pub/Sub message, a queued job — as W3C
 * trace-context fields ({@code traceparent}, {@code tracestate}), and runs work in a span that
 * continues it. HTTP calls need none of this: the server and client observations do it.
 */
public final class TraceContexts {

    private final Tracer tracer;
    private final Propagator propagator;

    public TraceContexts(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** No tracing: carries nothing, runs work as it is. */
    public static TraceContexts none() {
        return new TraceContexts(Tracer.NOOP, Propagator.NOOP);
    }

    /** The current span's context as fields to send along; empty when no span is current. */
    public Map<String, String> current() {
        Map<String, String> fields = new LinkedHashMap<>();
        TraceContext context = tracer.currentTraceContext().context();
        if (context != null) propagator.inject(context, fields, Map::put);
        return fields;
    }

    /**
     * Runs {@code work} in a span named {@code name}: a child of the trace in {@code fields} when
     * they carry one, else the root of a new trace. The span records a failure and always ends.
     */
    public <T> T inSpan(String name, Span.Kind kind, Map<String, String> fields, Supplier<T> work) {
        Span span = fields.isEmpty()
                ? tracer.nextSpan().name(name).start()
                : propagator.extract(fields, Map::get).name(name).kind(kind).start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            return work.get();
        } catch (RuntimeException | Error e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }
}
