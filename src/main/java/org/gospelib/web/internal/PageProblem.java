package org.gospelib.web.internal;

import java.util.List;

/**
 * A page that cannot be shown as asked: rendered as the error page with its status, a title, what
 * went wrong in words and, where it helps, links to go on from.
 */
final class PageProblem extends RuntimeException {

    /** A way on from the error page. */
    record Suggestion(String label, String href) {
    }

    private final int status;
    private final String title;
    private final List<Suggestion> suggestions;

    PageProblem(int status, String title, String detail, List<Suggestion> suggestions) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.suggestions = List.copyOf(suggestions);
    }

    static PageProblem notFound(String title, String detail, List<Suggestion> suggestions) {
        return new PageProblem(404, title, detail, suggestions);
    }

    static PageProblem badRequest(String title, String detail) {
        return new PageProblem(400, title, detail, List.of());
    }

    int status() {
        return status;
    }

    String title() {
        return title;
    }

    List<Suggestion> suggestions() {
        return suggestions;
    }
}
