package org.gospelib.platform.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gospelib.platform.HostedServices;
import org.gospelib.platform.TraceContexts;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;

/**
 * What every process adds to its metrics: the {@code service} label (so one set of dashboards and
 * alerts reads a collapsed process and each split service alike) and its resident memory, which
 * the JVM's own meters do not report and which is the number a container's limit is held against.
 */
@Configuration(proxyBeanMethods = false)
class ObservabilityConfiguration {

    static final Path PROC_STATUS = Path.of("/proc/self/status");

    /**
     * The exposition passes {@code promtool check metrics}: a meter registered without a
     * description gets one (Prometheus's HELP line), from {@link #DESCRIPTIONS} or its name; and
     * the three JVM meters whose Prometheus names break its conventions (an abbreviated unit, a
     * gauge ending in {@code _count}) are renamed or left out, their information being elsewhere
     * ({@code process_cpu_usage}, {@code jvm_info}).
     */
    @Bean
    MeterFilter prometheusConventions() {
        return new MeterFilter() {
            @Override
            public MeterFilterReply accept(Meter.Id id) {
                return LEFT_OUT.contains(id.getName()) ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
            }

            @Override
            public Meter.Id map(Meter.Id id) {
                Meter.Id named = id.getName().equals("system.cpu.count") ? id.withName("system.cpus") : id;
                if (named.getDescription() != null && !named.getDescription().isBlank()) return named;
                String description = DESCRIPTIONS.getOrDefault(named.getName(), named.getName().replace('.', ' '));
                return new Meter.Id(named.getName(), Tags.of(named.getTags()), named.getBaseUnit(), description, named.getType());
            }
        };
    }

    static final Set<String> LEFT_OUT = Set.of("jvm.compilation.time", "process.cpu.time");
    static final Map<String, String> DESCRIPTIONS = Map.of(
            "http.server.requests", "HTTP requests served, by route template, method and status",
            "http.server.requests.active", "HTTP requests being served",
            "http.client.requests", "HTTP requests made to other services, by target and status",
            "system.cpus", "processors available to the JVM",
            "gospelib.handling", "Pub/Sub messages handled and jobs run, by what",
            "tasks.scheduled.execution", "runs of Spring's scheduled tasks",
            "tasks.scheduled.execution.active", "Spring's scheduled tasks running now");

    @Bean
    MeterFilter serviceTag(HostedServices hosted) {
        return MeterFilter.commonTags(List.of(Tag.of("service", hosted.label())));
    }

    /** Tracing's context fields for messages and jobs; carries nothing where tracing is switched off. */
    @Bean
    TraceContexts traceContexts(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator,
            ObjectProvider<ObservationRegistry> observations) {
        Tracer t = tracer.getIfAvailable();
        Propagator p = propagator.getIfAvailable();
        return t == null || p == null ? TraceContexts.none()
                : new TraceContexts(t, p, observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    /**
     * Async work (the modules' event listeners, which publish to Pub/Sub and queue jobs) runs in
     * the trace of the request that caused it: Boot's task executors take this decorator.
     */
    @Bean
    ContextPropagatingTaskDecorator contextPropagatingTaskDecorator() {
        return new ContextPropagatingTaskDecorator();
    }

    @Bean
    InitializingBean residentMemoryGauge(MeterRegistry meters) {
        return () -> Gauge.builder("gospelib.process.resident.memory", PROC_STATUS, ObservabilityConfiguration::residentBytes)
                .baseUnit("bytes").description("resident set size of this process (VmRSS; NaN where /proc is absent)")
                .register(meters);
    }

    /** VmRSS from /proc/self/status, in bytes; NaN where there is no such file (not Linux). */
    static double residentBytes(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (!line.startsWith("VmRSS:")) continue;
                String[] parts = line.substring(6).strip().split("\\s+");
                return Double.parseDouble(parts[0]) * 1024;
            }
        } catch (IOException | RuntimeException e) {
            // no /proc here: the gauge reads NaN, which Prometheus shows as a gap
        }
        return Double.NaN;
    }
}
