package org.gospelib.jobs.internal;

import com.github.kagkarlsson.scheduler.serializer.Serializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Job payloads stored as JSON (db-scheduler would use Java serialization, which ties stored jobs
 * to class versions and reads untrusted bytes into objects).
 */
final class JsonTaskData implements Serializer {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public byte[] serialize(Object data) {
        return data == null ? null : JSON.writeValueAsBytes(data);
    }

    @Override
    public <T> T deserialize(Class<T> type, byte[] bytes) {
        return bytes == null || type == Void.class ? null : JSON.readValue(bytes, type);
    }
}
