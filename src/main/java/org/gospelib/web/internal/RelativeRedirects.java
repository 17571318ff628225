package org.gospelib.web.internal;

import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Resolves the pages' {@code redirect:} view names ahead of every other resolver, into redirects
 * that take the URL as it is: never expanded as a URI template (a <code>{x}</code> from the query
 * would be filled from the model, or fail), never made absolute from the request's {@code Host}
 * header (a forged one would send the reader elsewhere). The {@code Location} is the relative
 * path, which every browser resolves against the page it asked for.
 */
@Component
class RelativeRedirects implements ViewResolver, Ordered {

    private static final String PREFIX = "redirect:";

    @Override
    public View resolveViewName(String viewName, Locale locale) {
        if (!viewName.startsWith(PREFIX)) return null;
        String url = viewName.substring(PREFIX.length());
        if (!url.startsWith("/") || url.startsWith("//")) {
            // the pages redirect within the site only; anything else is a programming error
            throw new IllegalArgumentException("not a path within the site: " + url);
        }
        RedirectView view = new RedirectView(url, true);
        view.setExpandUriTemplateVariables(false);
        view.setExposeModelAttributes(false);
        view.setPropagateQueryParams(false);
        view.setHttp10Compatible(false); // writes Location as given, instead of Tomcat making it absolute
        view.setStatusCode(HttpStatus.FOUND);
        return view;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
