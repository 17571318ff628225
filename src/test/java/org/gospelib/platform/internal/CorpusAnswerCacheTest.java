package org.gospelib.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import org.gospelib.platform.CorpusCaching;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class CorpusAnswerCacheTest {

    final AtomicLong version = new AtomicLong(7);
    final AtomicInteger handled = new AtomicInteger();
    final CorpusAnswerCache cache = new CorpusAnswerCache(version::get,
            Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC), 1 << 20);

    /** A handler answering like the corpus endpoints: ETag of the version, public caching, a header of its own. */
    FilterChain corpusHandler(String body) {
        return (request, response) -> {
            handled.incrementAndGet();
            HttpServletResponse http = (HttpServletResponse) response;
            http.setHeader("ETag", CorpusCaching.etag(version.get(), ((MockHttpServletRequest) request).getRequestURI()));
            http.setHeader("Cache-Control", "max-age=300, public");
            http.setHeader("X-Handler", "yes");
            http.setContentType("application/json");
            http.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
        };
    }

    MockHttpServletResponse get(String path, FilterChain chain, String... headers) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        for (int i = 0; i < headers.length; i += 2) request.addHeader(headers[i], headers[i + 1]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setHeader("X-Request-Id", "set-before-the-cache");
        cache.doFilter(request, response, chain);
        return response;
    }

    @Test
    void aCorpusAnswerIsMadeOnceAndServedAgainWithItsOwnHeaders() throws Exception {
        MockHttpServletResponse first = get("/v1/passages", corpusHandler("{\"a\":1}"));
        MockHttpServletResponse second = get("/v1/passages", corpusHandler("{\"a\":1}"));
        assertThat(handled).hasValue(1);
        assertThat(second.getContentAsString()).isEqualTo(first.getContentAsString()).isEqualTo("{\"a\":1}");
        assertThat(second.getHeader("ETag")).isEqualTo(first.getHeader("ETag"));
        assertThat(second.getHeader("X-Handler")).isEqualTo("yes");
        assertThat(second.getHeaders("X-Request-Id")).containsExactly("set-before-the-cache");
        assertThat(second.getContentType()).startsWith("application/json");
    }

    @Test
    void aMatchingIfNoneMatchGets304AndGzipIsMadeOnce() throws Exception {
        String etag = get("/v1/verses/John.3.16", corpusHandler("x".repeat(5000))).getHeader("ETag");
        MockHttpServletResponse revalidated = get("/v1/verses/John.3.16", corpusHandler("?"), "If-None-Match", etag);
        assertThat(revalidated.getStatus()).isEqualTo(304);
        assertThat(revalidated.getContentAsByteArray()).isEmpty();
        MockHttpServletResponse zipped = get("/v1/verses/John.3.16", corpusHandler("?"), "Accept-Encoding", "gzip, br");
        assertThat(zipped.getHeader("Content-Encoding")).isEqualTo("gzip");
        byte[] unzipped = new GZIPInputStream(new ByteArrayInputStream(zipped.getContentAsByteArray())).readAllBytes();
        assertThat(new String(unzipped, StandardCharsets.UTF_8)).isEqualTo("x".repeat(5000));
        assertThat(handled).hasValue(1);
    }

    @Test
    void aNewCorpusVersionIsAnsweredAfresh() throws Exception {
        get("/v1/passages", corpusHandler("old"));
        version.set(8);
        assertThat(get("/v1/passages", corpusHandler("new")).getContentAsString()).isEqualTo("new");
        assertThat(handled).hasValue(2);
    }

    @Test
    void answersThatAreNotTheCorpusOfThisVersionAreNeverKept() throws Exception {
        FilterChain keys = (request, response) -> {   // like the JWKS: public, but not derived from the corpus
            handled.incrementAndGet();
            ((HttpServletResponse) response).setHeader("ETag", "\"keys-1\"");
            ((HttpServletResponse) response).setHeader("Cache-Control", "max-age=300, public");
            response.setContentType("application/json");
            response.getWriter().write("{}");
        };
        get("/.well-known/jwks.json", keys);
        get("/.well-known/jwks.json", keys);
        FilterChain personal = (request, response) -> {
            handled.incrementAndGet();
            ((HttpServletResponse) response).setHeader("ETag", CorpusCaching.etag(version.get(), "x"));
            ((HttpServletResponse) response).setHeader("Cache-Control", "no-store");
            response.setContentType("text/html");
            response.getWriter().write("mine");
        };
        get("/v1/plans", personal);
        get("/v1/plans", personal);
        FilterChain failing = (request, response) -> {
            handled.incrementAndGet();
            ((HttpServletResponse) response).setStatus(404);
            ((HttpServletResponse) response).setHeader("ETag", CorpusCaching.etag(version.get(), "x"));
            ((HttpServletResponse) response).setHeader("Cache-Control", "public");
            response.setContentType("text/html");
        };
        get("/read/KJV/Nope/1", failing);
        get("/read/KJV/Nope/1", failing);
        assertThat(handled).hasValue(6);
    }

    @Test
    void aReadersOwnPathsAndOtherMethodsPassThrough() throws Exception {
        get("/v1/me/notes", corpusHandler("n"));
        get("/v1/me/notes", corpusHandler("n"));
        MockHttpServletRequest post = new MockHttpServletRequest("POST", "/v1/passages");
        cache.doFilter(post, new MockHttpServletResponse(), corpusHandler("p"));
        cache.doFilter(post, new MockHttpServletResponse(), corpusHandler("p"));
        assertThat(handled).hasValue(4);
    }

    @Test
    void differentQueriesAndAcceptsAreDifferentAnswers() throws Exception {
        MockHttpServletRequest a = new MockHttpServletRequest("GET", "/v1/passages");
        a.setQueryString("ref=John.3");
        cache.doFilter(a, new MockHttpServletResponse(), corpusHandler("john"));
        MockHttpServletRequest b = new MockHttpServletRequest("GET", "/v1/passages");
        b.setQueryString("ref=Rom.8");
        MockHttpServletResponse rom = new MockHttpServletResponse();
        cache.doFilter(b, rom, corpusHandler("romans"));
        assertThat(rom.getContentAsString()).isEqualTo("romans");
        get("/v1/passages", corpusHandler("json"), "Accept", "application/json");
        assertThat(get("/v1/passages", corpusHandler("text"), "Accept", "text/plain").getContentAsString()).isEqualTo("text");
        assertThat(handled).hasValue(4);
    }
}
