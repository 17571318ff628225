package org.gospelib.web.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.zip.GZIPOutputStream;
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
 * public are kept, with their gzipped bytes made once (the server would otherwise compress the
 * same page for every reader). Bounded by size; a new corpus version makes old entries unreachable.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class RenderedPages extends OncePerRequestFilter {

    static final long MAX_BYTES = 32L << 20;

    /** A page as rendered, and gzipped once for the browsers that accept it (nearly all). */
    private record Rendered(String etag, String contentType, String cacheControl, byte[] body, byte[] gzipped) {
    }

    private final ScriptureText scripture;
    private final Cache<String, Rendered> pages = Caffeine.newBuilder()
            .maximumWeight(MAX_BYTES)
            .weigher((String key, Rendered page) -> key.length() + page.body().length + page.gzipped().length)
            .build();

    RenderedPages(ScriptureText scripture) {
        this.scripture = scripture;
    }

    private static byte[] gzip(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(body);
        }
        return out.toByteArray();
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
            response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
            byte[] body = hit.body();
            String accepted = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
            if (accepted != null && accepted.contains("gzip")) {
                response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
                body = hit.gzipped();
            }
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            return;
        }
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, wrapper);
        String cacheControl = wrapper.getHeader(HttpHeaders.CACHE_CONTROL);
        String etag = wrapper.getHeader(HttpHeaders.ETAG);
        if (wrapper.getStatus() == 200 && etag != null && cacheControl != null && cacheControl.contains("public")
                && wrapper.getContentType() != null && wrapper.getContentType().startsWith("text/html")) {
            byte[] body = wrapper.getContentAsByteArray();
            pages.put(key, new Rendered(etag, wrapper.getContentType(), cacheControl, body, gzip(body)));
        }
        wrapper.copyBodyToResponse();
    }
}
