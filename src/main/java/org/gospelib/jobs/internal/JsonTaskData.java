package org.gospelib.jobs.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gospelib.platform.TraceContexts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Job payloads stored as JSON (db-scheduler would use Java serialization, which ties stored jobs
 * to class versions and reads untrusted bytes into objects). A payload written while a trace is
 * current carries its W3C trace-context fields under {@value #TRACE}, a name no record component
 * can have; reading it back takes them out and keeps them beside the payload object (by identity,
 * weakly) until the job runs in a span that continues the trace. Payloads stored without them,
 * by an older version or outside any trace, read as before.
 */
final class JsonTaskData implements Serializer {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String TRACE = "@trace";

    private final TraceContexts traces;
    /** Weak keys compare by identity: equal payloads of two jobs keep their own traces. */
    private final Cache<Object, Map<String, String>> traceOfPayload = Caffeine.newBuilder().weakKeys().maximumSize(10_000)
            .build();

    JsonTaskData(TraceContexts traces) {
        this.traces = traces;
    }

    JsonTaskData() {
        this(TraceContexts.none());
    }

    @Override
    public byte[] serialize(Object data) {
        if (data == null) return null;
        Map<String, String> trace = traces.current();
        if (trace.isEmpty()) return JSON.writeValueAsBytes(data);
        JsonNode tree = JSON.valueToTree(data);
        if (!(tree instanceof ObjectNode object)) return JSON.writeValueAsBytes(data);
        object.set(TRACE, JSON.valueToTree(trace));
        return JSON.writeValueAsBytes(object);
    }

    @Override
    public <T> T deserialize(Class<T> type, byte[] bytes) {
        if (bytes == null || type == Void.class) return null;
        JsonNode tree = JSON.readTree(bytes);
        if (!(tree instanceof ObjectNode object) || !object.has(TRACE)) return JSON.treeToValue(tree, type);
        JsonNode trace = object.remove(TRACE);
        T payload = JSON.treeToValue(object, type);
        Map<String, String> fields = new LinkedHashMap<>();
        trace.properties().forEach(e -> fields.put(e.getKey(), e.getValue().asString()));
        if (payload != null && !fields.isEmpty()) traceOfPayload.put(payload, Map.copyOf(fields));
        return payload;
    }

    /** The trace the job of this payload was queued in; empty when there was none. */
    Map<String, String> traceOf(Object payload) {
        if (payload == null) return Map.of();
        Map<String, String> fields = traceOfPayload.getIfPresent(payload);
        return fields == null ? Map.of() : fields;
    }
}
