package org.gospelib.platform.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.gospelib.platform.CorpusCaching;
import org.gospelib.platform.CorpusVersion;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Keeps the bytes of answers that are a pure function of their request and the corpus — those
 * whose ETag {@link CorpusCaching} made for the current corpus version, API answers and pages
 * alike — so a popular passage or chapter is built once per corpus version, not once per reader,
 * and gzipped once rather than by the server for every request. Runs after the gateway, so every
 * request is still authenticated, rate-limited and given its own headers; only the headers the
 * handler added are kept with the answer. Bounded by size; a new corpus version (or, for the
 * verse of the day, a new date) makes older entries unreachable.
 */
class CorpusAnswerCache extends OncePerRequestFilter {

    /** An answer as the handler made it, and gzipped once for the clients that accept it. */
    record Answer(Map<String, List<String>> headers, String contentType, byte[] body, byte[] gzipped) {
    }

    private static final Set<String> NOT_KEPT = Set.of("content-length", "transfer-encoding", "content-encoding",
            "date", "connection");

    private final CorpusVersion version;
    private final Clock clock;
    private final Cache<String, Answer> answers;
    /** The corpus version the kept answers are of: a newer one makes them unreachable, so they go. */
    private final java.util.concurrent.atomic.AtomicLong keptVersion = new java.util.concurrent.atomic.AtomicLong();

    CorpusAnswerCache(CorpusVersion version, Clock clock, long maxBytes) {
        this.version = version;
        this.clock = clock;
        this.answers = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String key, Answer a) -> key.length() + a.body().length + a.gzipped().length)
                .recordStats()
                .build();
    }

    /** Hits, misses, size and evictions as {@code cache_*{cache="answers"}}. */
    void bindTo(MeterRegistry meters) {
        CaffeineCacheMetrics.monitor(meters, answers, "answers");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        // a reader's own data, and what is never a corpus answer (so is not worth buffering):
        // static files, the API's documentation, probes and metrics
        return !request.getMethod().equals("GET") || path.startsWith("/v1/me") || path.startsWith("/v1/auth")
                || path.startsWith("/v1/admin") || path.startsWith("/me/") || path.startsWith("/actuator")
                || path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/v1/docs")
                || path.startsWith("/v1/openapi") || path.equals("/readyz") || path.equals("/livez");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long corpus = version.current();
        long kept = keptVersion.get();
        if (corpus != kept && keptVersion.compareAndSet(kept, corpus)) answers.invalidateAll();
        if (version.loading()) {
            // a newer corpus is loading beside this one: its answers would be dropped in a minute,
            // and the memory they hold is what the load needs; answer without the cache meanwhile
            if (answers.estimatedSize() > 0) answers.invalidateAll();
            chain.doFilter(request, response);
            return;
        }
        String key = request.getRequestURI() + "?" + request.getQueryString() + "|" + request.getHeader(HttpHeaders.ACCEPT)
                + "|" + corpus + "|" + LocalDate.now(clock);
        Answer hit = corpus == 0 ? null : answers.getIfPresent(key);
        if (hit != null) {
            replay(hit, request, response);
            return;
        }
        Set<String> before = new HashSet<>();
        for (String name : response.getHeaderNames()) before.add(name.toLowerCase());
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, wrapper);
        String etag = wrapper.getHeader(HttpHeaders.ETAG);
        String cacheControl = wrapper.getHeader(HttpHeaders.CACHE_CONTROL);
        if (corpus != 0 && wrapper.getStatus() == 200 && etag != null && CorpusCaching.isOfVersion(etag, corpus)
                && cacheControl != null && cacheControl.contains("public") && wrapper.getContentType() != null) {
            Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
            for (String name : wrapper.getHeaderNames()) {
                String lower = name.toLowerCase();
                if (before.contains(lower) || NOT_KEPT.contains(lower) || lower.equals("content-type")) continue;
                headers.put(name, new ArrayList<>(wrapper.getHeaders(name)));
            }
            byte[] body = wrapper.getContentAsByteArray();
            answers.put(key, new Answer(headers, wrapper.getContentType(), body, gzip(body)));
        }
        wrapper.copyBodyToResponse();
    }

    private static void replay(Answer hit, HttpServletRequest request, HttpServletResponse response) throws IOException {
        hit.headers().forEach((name, values) -> {
            response.setHeader(name, values.getFirst());
            for (String value : values.subList(1, values.size())) response.addHeader(name, value);
        });
        String etag = response.getHeader(HttpHeaders.ETAG);
        if (etag != null && etag.equals(request.getHeader(HttpHeaders.IF_NONE_MATCH))) {
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
    }

    private static byte[] gzip(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length / 4));
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(body);
        }
        return out.toByteArray();
    }
}
