package org.gospelib.web.internal;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The service worker that shows pushed reminders. Served from the root, so it may control every
 * page, and never cached as the hashed assets are: a browser checks it for a new version.
 */
@Controller
class ServiceWorkerController {

    private final byte[] script;

    ServiceWorkerController() throws IOException {
        try (InputStream in = ServiceWorkerController.class.getResourceAsStream("/web/sw.js")) {
            if (in == null) throw new IOException("web/sw.js is missing from the class path");
            this.script = in.readAllBytes();
        }
    }

    @GetMapping("/sw.js")
    ResponseEntity<byte[]> serviceWorker() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).contentType(MediaType.valueOf("text/javascript"))
                .body(script);
    }
}
