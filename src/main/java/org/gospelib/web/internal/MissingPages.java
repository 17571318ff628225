package org.gospelib.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.gospelib.platform.ProblemAnswers;
import org.gospelib.platform.ProblemException;
import org.springframework.http.HttpHeaders;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An address nothing answers gets the 404 page when a browser asks for a page; the API's
 * addresses, and clients that do not accept HTML, get the API's problem+json.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MissingPages {

    @ExceptionHandler(NoResourceFoundException.class)
    Object missing(NoResourceFoundException e, HttpServletRequest request, Model model, HttpServletResponse response) {
        String path = request.getRequestURI();
        String accept = String.valueOf(request.getHeader(HttpHeaders.ACCEPT));
        if (path.startsWith("/v1/") || path.startsWith("/.well-known/") || !accept.contains(MediaType.TEXT_HTML_VALUE)) {
            var answer = ProblemAnswers.of(new ProblemException("not-found", "Not Found", 404, e.getBody().getDetail()));
            answer.getBody().setInstance(URI.create(path));
            return answer;
        }
        return PageErrors.render(model, response, 404, "Page not found", "There is nothing at this address.", List.of());
    }
}
