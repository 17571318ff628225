package org.gospelib.platform;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Carries a trace across what is not an HTTP call — a Pub/Sub message, a queued job — as W3C
 * trace-context fields ({@code traceparent}, {@code tracestate}), and runs the receiving work in
 * an observation that continues it. HTTP calls need none of this: the server and client
 * observations do it. An observation rather than a bare span, so that async work the handling
 * starts (the modules' event listeners) stays in the trace, as a request's does.
 */
public final class TraceContexts {

    /** The observation (and timer) of every message handled and job run; {@code what} names which. */
    public static final String HANDLING = "gospelib.handling";

    private final Tracer tracer;
    private final Propagator propagator;
    private final ObservationRegistry observations;

    public TraceContexts(Tracer tracer, Propagator propagator, ObservationRegistry observations) {
        this.tracer = tracer;
        this.propagator = propagator;
        this.observations = observations;
    }

    /** No tracing: carries nothing, runs work as it is. */
    public static TraceContexts none() {
        return new TraceContexts(Tracer.NOOP, Propagator.NOOP, ObservationRegistry.NOOP);
    }

    /** The current span's context as fields to send along; empty when no span is current. */
    public Map<String, String> current() {
        Map<String, String> fields = new LinkedHashMap<>();
        TraceContext context = tracer.currentTraceContext().context();
        if (context != null) propagator.inject(context, fields, Map::put);
        return fields;
    }

    /**
     * Runs {@code work} as the receiving end of {@code fields} (a consumer span named
     * {@code name}): a child of the trace they carry, or the root of a new one when they carry
     * none. A failure is recorded on it and rethrown.
     */
    public <T> T receive(String name, Map<String, String> fields, Supplier<T> work) {
        ReceiverContext<Map<String, String>> context = new ReceiverContext<>((carrier, key) -> carrier.get(key));
        context.setCarrier(fields);
        return Observation.createNotStarted(HANDLING, () -> context, observations).contextualName(name)
                .lowCardinalityKeyValue("what", name).observe(work);
    }
}
