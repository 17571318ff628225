package org.gospelib.web.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.gospelib.platform.ProblemException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors of the pages as pages, not problem+json: the status, what went wrong in words and a way
 * on. Ordered before the API's handler, and limited to this module's controllers.
 */
@ControllerAdvice(basePackageClasses = PageErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    @ExceptionHandler(PageProblem.class)
    String page(PageProblem problem, Model model, HttpServletResponse response) {
        return render(model, response, problem.status(), problem.title(), problem.getMessage(), problem.suggestions());
    }

    @ExceptionHandler(ProblemException.class)
    String problem(ProblemException problem, Model model, HttpServletResponse response) {
        return render(model, response, problem.status(), problem.title(), problem.getMessage(), List.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String mismatch(MethodArgumentTypeMismatchException e, Model model, HttpServletResponse response) {
        return render(model, response, 400, "Not understood",
                "'" + e.getValue() + "' is not a valid " + e.getName() + ".", List.of());
    }

    static String render(Model model, HttpServletResponse response, int status, String title, String detail,
            List<PageProblem.Suggestion> suggestions) {
        response.setStatus(status);
        PageCaching.noStore(response);
        model.addAttribute("status", status);
        model.addAttribute("title", title);
        model.addAttribute("detail", detail);
        model.addAttribute("suggestions", suggestions);
        return "error";
    }
}
