package org.gospelib.platform.internal;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.gospelib.platform.ProblemException;

/**
 * What Tomcat answers itself, for requests it refuses before any filter or handler runs (a
 * request line or headers over the limit, an escaped {@code /} or {@code \} in the path, a
 * malformed request): RFC 9457 problem+json with a stable type, in place of Tomcat's HTML page,
 * which also named the server's version.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) return;
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) return;
        String slug = ProblemResponses.slugFor(org.springframework.http.HttpStatusCode.valueOf(status));
        String title = switch (status) {
            case 400 -> "Bad request";
            case 404 -> "Not Found";
            case 413, 431 -> "Request too large";
            case 505 -> "HTTP version not supported";
            default -> status >= 500 ? "Internal error" : "Request refused";
        };
        String detail = status >= 500 ? "the server could not handle the request"
                : "the server refused the request before reading it (malformed, or over a size limit)";
        String json = "{\"type\":\"" + ProblemException.TYPE_BASE + slug + "\",\"title\":\"" + title + "\",\"status\":"
                + status + ",\"detail\":\"" + detail + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Cache-Control", "no-store");
            Writer writer = response.getReporter();
            if (writer != null) writer.write(json);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the response committed: nothing more can be said
        }
    }
}
