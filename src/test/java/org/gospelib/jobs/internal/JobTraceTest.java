package org.gospelib.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.gospelib.platform.TraceContexts;
import org.junit.jupiter.api.Test;

/**
 * A job queued inside a trace runs in a span of that trace: the payload written while a span is
 * current carries its W3C context, reading it back keeps the context beside the payload, and the
 * run's span is the queuing span's child. Payloads stored without it (older versions, no trace)
 * read as before and run in a trace of their own. With OpenTelemetry's SDK and Micrometer's
 * bridge, as the application wires them.
 */
class JobTraceTest {

    record Payload(String messageId, long endpointId) {
    }

    private final List<SpanData> exported = new CopyOnWriteArrayList<>();
    private final SdkTracerProvider provider = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(new SpanExporter() {
        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            exported.addAll(spans);
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    })).build();
    private final io.opentelemetry.api.trace.Tracer otel = provider.get("test");
    private final Tracer tracer = new OtelTracer(otel, new OtelCurrentTraceContext(), event -> { });
    private final OtelPropagator propagator = new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel);
    private final ObservationRegistry observations = ObservationRegistry.create();
    private final TraceContexts traces = new TraceContexts(tracer, propagator, observations);

    JobTraceTest() {
        observations.observationConfig().observationHandler(new io.micrometer.observation.ObservationHandler.FirstMatchingCompositeObservationHandler(
                new PropagatingReceiverTracingObservationHandler<>(tracer, propagator), new DefaultTracingObservationHandler(tracer)));
    }

    @Test
    void aJobQueuedInATraceRunsInASpanOfThatTrace() {
        JsonTaskData json = new JsonTaskData(traces);
        Span queuing = tracer.nextSpan().name("POST /v1/me/notes").start();
        byte[] stored;
        try (Tracer.SpanInScope scope = tracer.withSpan(queuing)) {
            stored = json.serialize(new Payload("msg_1", 7));
        } finally {
            queuing.end();
        }
        assertThat(new String(stored, StandardCharsets.UTF_8)).contains("\"@trace\"", queuing.context().traceId());

        Payload read = json.deserialize(Payload.class, stored);
        assertThat(read).isEqualTo(new Payload("msg_1", 7));
        traces.receive("job webhook.deliver", json.traceOf(read), () -> null);

        SpanData job = exported.stream().filter(s -> s.getName().equals("job webhook.deliver")).findFirst().orElseThrow();
        assertThat(job.getTraceId()).isEqualTo(queuing.context().traceId());
        assertThat(job.getParentSpanId()).isEqualTo(queuing.context().spanId());
        assertThat(job.getKind()).isEqualTo(io.opentelemetry.api.trace.SpanKind.CONSUMER);
    }

    @Test
    void aPayloadStoredWithoutATraceReadsAsBeforeAndRunsInATraceOfItsOwn() {
        JsonTaskData json = new JsonTaskData(traces);
        byte[] stored = json.serialize(new Payload("msg_2", 8));
        assertThat(new String(stored, StandardCharsets.UTF_8)).isEqualTo("{\"messageId\":\"msg_2\",\"endpointId\":8}");
        Payload read = json.deserialize(Payload.class, stored);
        assertThat(json.traceOf(read)).isEmpty();
        traces.receive("job webhook.deliver", json.traceOf(read), () -> null);
        SpanData job = exported.stream().filter(s -> s.getName().equals("job webhook.deliver")).findFirst().orElseThrow();
        assertThat(job.getParentSpanContext().isValid()).isFalse();
    }

    @Test
    void equalPayloadsOfTwoJobsKeepTheirOwnTraces() {
        JsonTaskData json = new JsonTaskData(traces);
        byte[][] stored = new byte[2][];
        String[] traceIds = new String[2];
        for (int i = 0; i < 2; i++) {
            Span span = tracer.nextSpan().name("request " + i).start();
            try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
                stored[i] = json.serialize(new Payload("same", 1));
            } finally {
                span.end();
            }
            traceIds[i] = span.context().traceId();
        }
        Payload first = json.deserialize(Payload.class, stored[0]);
        Payload second = json.deserialize(Payload.class, stored[1]);
        assertThat(json.traceOf(first).get("traceparent")).contains(traceIds[0]);
        assertThat(json.traceOf(second).get("traceparent")).contains(traceIds[1]);
    }
}
