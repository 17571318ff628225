package org.gospelib.platform.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.gospelib.platform.ProblemException;
import org.gospelib.platform.Service;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A service's error answer as the problem it reports, so callers see the same type as in one process. */
final class RemoteProblems {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_BODY = 64 * 1024;

    private RemoteProblems() {
    }

    static ProblemException from(Service service, ClientHttpResponse response) throws IOException {
        int status = response.getStatusCode().value();
        MediaType type = response.getHeaders().getContentType();
        if (type != null && type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)) {
            try (InputStream body = response.getBody()) {
                JsonNode problem = JSON.readTree(body.readNBytes(MAX_BODY));
                String uri = problem.path("type").asString("");
                if (uri.startsWith(ProblemException.TYPE_BASE)) {
                    return new ProblemException(uri.substring(ProblemException.TYPE_BASE.length()),
                            problem.path("title").asString("Problem"), status, problem.path("detail").asString(""), Map.of());
                }
            } catch (RuntimeException unreadable) {
                // fall through: an answer we cannot read is the service's failure
            }
        }
        return new ProblemException("service-unavailable", "Service unavailable", 503,
                "the " + service.key() + " service answered " + status);
    }
}
