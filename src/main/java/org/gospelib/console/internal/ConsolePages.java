package org.gospelib.console.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.gospelib.identity.Caller;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The console's pages. Each is rendered here and filled by {@code console.js} from the admin API
 * with the operator's session, whose every change the gateway checks for the CSRF token. To anyone
 * but an admin the pages do not exist: they get the very answer of an address nothing serves (the
 * reader's "page not found", or problem+json to an API client), so nothing tells that the
 * console is there. The pages hold no data; the admin API behind them answers only admins.
 */
@Controller
class ConsolePages {

    /** The console's sections, in the order of its navigation. */
    enum Section {
        OVERVIEW("Overview", "/admin"), READERS("Readers", "/admin/readers"), WORK("Background work", "/admin/work"),
        DELIVERIES("Deliveries", "/admin/deliveries"), CORPUS("Corpus", "/admin/corpus"), TRAFFIC("Traffic", "/admin/traffic"),
        SUBSCRIPTIONS("Subscriptions", "/admin/subscriptions"), KEYS("Keys", "/admin/keys"), AUDIT("Audit log", "/admin/audit");

        private final String title;
        private final String path;

        Section(String title, String path) {
            this.title = title;
            this.path = path;
        }

        public String title() {
            return title;
        }

        public String path() {
            return path;
        }

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A section's page: {@code /admin} itself, or {@code /admin/<section>}. */
    @GetMapping({"/admin", "/admin/{name}"})
    String section(@PathVariable Optional<String> name, @RequestParam(defaultValue = "") String q, HttpServletRequest request,
            HttpServletResponse response, Model model) throws NoResourceFoundException {
        String path = name.map(n -> "/admin/" + n).orElse("/admin");
        Section section = Arrays.stream(Section.values()).filter(s -> s.path().equals(path)).findFirst()
                .orElseThrow(() -> notFound(request));
        model.addAttribute("q", q.length() > 200 ? q.substring(0, 200) : q);
        return page(section, request, response, model);
    }

    @GetMapping("/admin/readers/{id}")
    String reader(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model)
            throws NoResourceFoundException {
        UUID reader;
        try {
            reader = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound(request);
        }
        model.addAttribute("readerId", reader.toString());
        return page(Section.READERS, request, response, model);
    }

    private static String page(Section section, HttpServletRequest request, HttpServletResponse response, Model model)
            throws NoResourceFoundException {
        if (!Caller.of(request).map(Caller::isAdmin).orElse(false)) throw notFound(request);
        // an operator's page is never kept by a cache
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        model.addAttribute("section", section);
        model.addAttribute("sections", Section.values());
        return "console";
    }

    /** What an address nothing serves answers. */
    private static NoResourceFoundException notFound(HttpServletRequest request) {
        String path = request.getRequestURI();
        return new NoResourceFoundException(HttpMethod.GET, path, path.substring(1));
    }
}
