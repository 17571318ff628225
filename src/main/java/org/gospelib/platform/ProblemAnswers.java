package org.gospelib.platform;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * A {@link ProblemException} as the HTTP answer every module gives it: problem+json with its
 * stable type, title, detail and properties, and {@code Retry-After} when it says when to come
 * back. For handlers that answer a problem without throwing it.
 */
public final class ProblemAnswers {

    private ProblemAnswers() {
    }

    public static ResponseEntity<ProblemDetail> of(ProblemException e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(e.status()), e.getMessage());
        body.setType(e.typeUri());
        body.setTitle(e.title());
        e.properties().forEach(body::setProperty);
        var answer = ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        // a problem that says when to come back says it in the header clients and proxies read too
        if (e.properties().get("retryAfterSeconds") instanceof Number seconds) answer.header("Retry-After", seconds.toString());
        return answer.body(body);
    }
}
