package org.gospelib.web.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.gospelib.content.ScriptureText;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Keeps the bytes of recently rendered public pages, so a popular chapter is rendered once per
 * corpus version rather than once per reader: a page is a function of its URL, the corpus version,
 * the templates and (for the verse of the day) the date, and only answers the controllers mark
 * public are kept. Bounded by size; a new corpus version makes old entries unreachable.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class RenderedPages extends OncePerRequestFilter {

    static final long MAX_BYTES = 32L << 20;

    private record Rendered(String etag, String contentType, String cacheControl, byte[] body) {
    }

    private final ScriptureText scripture;
    private final Cache<String, Rendered> pages = Caffeine.newBuilder()
            .maximumWeight(MAX_BYTES)
            .weigher((String key, Rendered page) -> key.length() + page.body().length)
            .build();

    RenderedPages(ScriptureText scripture) {
        this.scripture = scripture;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !request.getMethod().equals("GET") || path.startsWith("/v1/") || path.startsWith("/.well-known/")
                || path.startsWith("/actuator") || path.startsWith("/css/") || path.startsWith("/js/")
                || path.startsWith("/me/") || path.equals("/readyz") || path.equals("/livez");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getRequestURI() + "?" + request.getQueryString() + "|" + scripture.corpusVersion() + "|"
                + LocalDate.now(ZoneOffset.UTC);
        Rendered hit = pages.getIfPresent(key);
        if (hit != null) {
            response.setHeader(HttpHeaders.ETAG, hit.etag());
            response.setHeader(HttpHeaders.CACHE_CONTROL, hit.cacheControl());
            if (hit.etag().equals(request.getHeader(HttpHeaders.IF_NONE_MATCH))) {
                response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                return;
            }
            response.setContentType(hit.contentType());
            response.setContentLength(hit.body().length);
            response.getOutputStream().write(hit.body());
            return;
        }
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, wrapper);
        String cacheControl = wrapper.getHeader(HttpHeaders.CACHE_CONTROL);
        String etag = wrapper.getHeader(HttpHeaders.ETAG);
        if (wrapper.getStatus() == 200 && etag != null && cacheControl != null && cacheControl.contains("public")
                && wrapper.getContentType() != null && wrapper.getContentType().startsWith("text/html")) {
            pages.put(key, new Rendered(etag, wrapper.getContentType(), cacheControl, wrapper.getContentAsByteArray()));
        }
        wrapper.copyBodyToResponse();
    }
}
