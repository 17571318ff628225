package org.gospelib.study.internal;

import java.util.UUID;
import org.gospelib.platform.ProblemException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the study endpoints read from a request, with the problems they answer: a JSON object
 * body (400 malformed-json otherwise) and an item id (an id that is not a UUID names no item: 404).
 */
final class RequestBodies {

    private RequestBodies() {
    }

    static <T> T json(JsonMapper mapper, byte[] body, Class<T> type) {
        if (body == null || body.length == 0) throw malformed("the request needs a JSON body");
        T value;
        try {
            value = mapper.readValue(body, type);
        } catch (JacksonException e) {
            throw malformed(e.getOriginalMessage());
        }
        if (value == null) throw malformed("the body must be a JSON object");
        return value;
    }

    static UUID id(String id, String what) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw StudyProblems.notFound("no " + what + " " + id);
        }
    }

    private static ProblemException malformed(String detail) {
        return StudyProblems.malformedJson(detail);
    }
}
