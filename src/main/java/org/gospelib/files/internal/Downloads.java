package org.gospelib.files.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** How a file is offered for download: its name in a Content-Disposition header (RFC 6266, RFC 5987). */
final class Downloads {

    private Downloads() {
    }

    static String contentDisposition(String name) {
        String ascii = name.replaceAll("[^A-Za-z0-9._ -]", "_");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
