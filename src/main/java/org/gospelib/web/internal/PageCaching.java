package org.gospelib.web.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import org.gospelib.content.ScriptureText;
import org.gospelib.platform.CorpusCaching;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * Pages are the same for every visitor and depend only on their URL, the corpus and the page
 * templates, so each gets an ETag from those three and may be cached by browsers and
 * shared caches; a revalidation that matches costs no rendering.
 */
@Component
class PageCaching {

    static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final ScriptureText scripture;
    private final String templates;

    PageCaching(ScriptureText scripture) {
        this.scripture = scripture;
        this.templates = digestOf("classpath*:templates/**/*.html");
    }

    /**
     * True when the browser's copy is current (the answer is then 304, nothing to render);
     * otherwise sets the ETag and cache headers for the page about to be rendered.
     */
    boolean notModified(WebRequest request, HttpServletResponse response, String key) {
        String etag = CorpusCaching.etag(scripture.corpusVersion(), "page|" + templates + "|" + key);
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.maxAge(MAX_AGE).cachePublic().getHeaderValue());
        return request.checkNotModified(etag);
    }

    /** For pages that must never be stored: forms and pages filled in from a reader's own data. */
    static void noStore(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
    }

    private static String digestOf(String pattern) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(pattern);
            Arrays.sort(resources, Comparator.comparing(r -> String.valueOf(r.getFilename())));
            for (Resource r : resources) {
                try (InputStream in = r.getInputStream()) {
                    sha.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
